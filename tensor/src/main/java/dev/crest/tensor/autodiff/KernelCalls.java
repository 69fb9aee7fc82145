package dev.crest.tensor.autodiff;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Short calls into {@link KernelRegistry#standard()} for the gradient rules, so backward passes are composed
 * of the same kernels as forward passes.
 */
final class KernelCalls {
    private KernelCalls() {
    }

    static Tensor run(String opType, Attributes attributes, Tensor... inputs) {
        return KernelRegistry.standard().run1(opType, attributes, inputs);
    }

    static Tensor run(String opType, Tensor... inputs) {
        return run(opType, Attributes.empty(), inputs);
    }

    static Tensor add(Tensor a, Tensor b) {
        return run("Add", a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        return run("Sub", a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        return run("Mul", a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        return run("Div", a, b);
    }

    static Tensor neg(Tensor a) {
        return run("Neg", a);
    }

    /** A rank-0 tensor of {@code like}'s dtype. */
    static Tensor scalar(Tensor like, double value) {
        return Tensor.scalar(like.dtype(), value);
    }

    static Tensor mulScalar(Tensor a, double value) {
        return value == 1.0 ? a : mul(a, scalar(a, value));
    }

    static Tensor addScalar(Tensor a, double value) {
        return add(a, scalar(a, value));
    }

    /** {@code value - a}. */
    static Tensor scalarSub(double value, Tensor a) {
        return sub(scalar(a, value), a);
    }

    static Tensor where(Tensor condition, Tensor whenTrue, Tensor whenFalse) {
        return run("Where", condition, whenTrue, whenFalse);
    }

    static Tensor greater(Tensor a, Tensor b) {
        return run("Greater", a, b);
    }

    static Tensor less(Tensor a, Tensor b) {
        return run("Less", a, b);
    }

    static Tensor equal(Tensor a, Tensor b) {
        return run("Equal", a, b);
    }

    static Tensor cast(Tensor a, DType target) {
        return a.dtype() == target ? a : run("Cast", Attributes.builder().put("to", (long) target.onnxCode()).build(), a);
    }

    static Tensor matmul(Tensor a, Tensor b) {
        return run("MatMul", a, b);
    }

    static Tensor transpose(Tensor a, int... perm) {
        return run("Transpose", Attributes.builder().put("perm", perm).build(), a);
    }

    /** Swaps the last two axes of a tensor of rank at least 2. */
    static Tensor transposeLastTwo(Tensor a) {
        int rank = a.rank();
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[rank - 2] = rank - 1;
        perm[rank - 1] = rank - 2;
        return transpose(a, perm);
    }

    static Tensor expand(Tensor a, Shape shape) {
        return a.shape().equals(shape) ? a : run("Expand", a, shapeTensor(shape));
    }

    /** Sums over {@code axes} (non-empty) with ReduceSum. */
    static Tensor reduceSum(Tensor a, int[] axes, boolean keepDims) {
        if (axes.length == 0) {
            throw new IllegalArgumentException("reduceSum needs at least one axis");
        }
        return run("ReduceSum", Attributes.builder().put("keepdims", keepDims ? 1L : 0L).build(), a, axesTensor(axes));
    }

    /**
     * The gradient of a broadcast: sums {@code gradient} (of the broadcast result's shape) over the axes that
     * broadcasting created or stretched, giving a tensor of {@code target}'s shape.
     */
    static Tensor reduceToShape(Tensor gradient, Shape target) {
        Shape from = gradient.shape();
        if (from.equals(target)) {
            return gradient;
        }
        int offset = from.rank() - target.rank();
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < from.rank(); i++) {
            if (i < offset || (target.dim(i - offset) == 1 && from.dim(i) != 1)) {
                axes.add(i);
            }
        }
        Tensor summed = axes.isEmpty() ? gradient
                : reduceSum(gradient, axes.stream().mapToInt(Integer::intValue).toArray(), true);
        return summed.reshape(target);
    }

    static Tensor shapeTensor(Shape shape) {
        return Tensor.ofLongs(Shape.of(shape.rank()), shape.dimsAsLongs());
    }

    static Tensor axesTensor(int... axes) {
        long[] l = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            l[i] = axes[i];
        }
        return Tensor.ofLongs(Shape.of(l.length), l);
    }

    /** A float tensor of 1 where {@code condition} holds and 0 elsewhere, in {@code dtype}. */
    static Tensor mask(Tensor condition, DType dtype) {
        return cast(condition, dtype);
    }
}
