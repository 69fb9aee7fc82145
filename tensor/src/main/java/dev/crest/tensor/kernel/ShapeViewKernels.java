package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;

/**
 * The operators that only change a tensor's shape and share its data: Reshape-19 (also the Reshape-1
 * {@code shape} attribute), Flatten-13, Squeeze-13 and Unsqueeze-13 (also their pre-13 {@code axes} attribute).
 */
final class ShapeViewKernels {
    private ShapeViewKernels() {
    }

    /**
     * Reshape-19: a 0 in {@code shape} copies the input dimension at the same index unless {@code allowzero=1}
     * makes it a literal 0; one -1 is inferred from the element count.
     */
    static List<Tensor> reshape(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 2);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        long[] requested = ShapeAxes.inputOrAttribute(inputs, 1, attributes, "shape");
        if (requested == null) {
            throw new TensorException("missing required input 1 (shape)");
        }
        boolean allowZero = ShapeAxes.flag(attributes, "allowzero", false);
        return List.of(data.reshape(reshapeTarget(data.shape(), requested, allowZero)));
    }

    static Shape reshapeTarget(Shape input, long[] requested, boolean allowZero) {
        long[] dims = new long[requested.length];
        int inferred = -1;
        boolean hasZero = false;
        long known = 1;
        for (int i = 0; i < requested.length; i++) {
            long d = requested[i];
            if (d == -1) {
                if (inferred >= 0) {
                    throw new TensorException("shape " + Arrays.toString(requested) + " has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (d < -1) {
                throw new TensorException("shape " + Arrays.toString(requested) + " has invalid dimension " + d);
            }
            if (d == 0 && !allowZero) {
                if (i >= input.rank()) {
                    throw new TensorException("shape " + Arrays.toString(requested) + " copies dimension " + i
                            + " (0) but the input " + input + " has rank " + input.rank());
                }
                d = input.dim(i);
            } else if (d == 0) {
                hasZero = true;
            }
            dims[i] = d;
            known = multiplyChecked(known, d, requested);
        }
        if (allowZero && hasZero && inferred >= 0) {
            throw new TensorException("shape " + Arrays.toString(requested)
                    + " may not contain both 0 and -1 when allowzero=1");
        }
        if (inferred >= 0) {
            if (known == 0 || input.size() % known != 0) {
                throw new TensorException("cannot reshape " + input + " (" + input.size() + " elements) to "
                        + Arrays.toString(requested) + ": the -1 dimension cannot be inferred");
            }
            dims[inferred] = input.size() / known;
        } else if (known != input.size()) {
            throw new TensorException("cannot reshape " + input + " (" + input.size() + " elements) to "
                    + Arrays.toString(requested) + " (" + known + " elements)");
        }
        return Shape.of(dims);
    }

    private static long multiplyChecked(long a, long b, long[] requested) {
        if (b != 0 && a > Integer.MAX_VALUE / b) {
            throw new TensorException("shape " + Arrays.toString(requested) + " has more than 2^31-1 elements");
        }
        return a * b;
    }

    /** Flatten-13: a 2-D view whose first dimension is the product of the dimensions before {@code axis}. */
    static List<Tensor> flatten(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor input = KernelArgs.required(inputs, 0, "input");
        int rank = input.rank();
        long axis = attributes.getLong("axis", 1);
        if (axis < -rank || axis > rank) {
            throw new TensorException("axis " + axis + " is out of range for rank " + rank
                    + " (expected " + -rank + " to " + rank + ")");
        }
        int split = (int) (axis < 0 ? axis + rank : axis);
        int outer = 1;
        for (int i = 0; i < split; i++) {
            outer *= input.shape().dim(i);
        }
        int inner = 1;
        for (int i = split; i < rank; i++) {
            inner *= input.shape().dim(i);
        }
        return List.of(input.reshape(Shape.of(outer, inner)));
    }

    /**
     * Squeeze-13: removes the listed size-1 axes, or every size-1 axis when {@code axes} is absent. An empty
     * {@code axes} tensor counts as absent, as in ONNX Runtime.
     */
    static List<Tensor> squeeze(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 2);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        long[] axes = ShapeAxes.inputOrAttribute(inputs, 1, attributes, "axes");
        int rank = data.rank();
        boolean[] remove = new boolean[rank];
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < rank; i++) {
                remove[i] = data.shape().dim(i) == 1;
            }
        } else {
            for (int a : ShapeAxes.normalize(axes, rank, "axes")) {
                if (data.shape().dim(a) != 1) {
                    throw new TensorException("cannot squeeze axis " + a + " of shape " + data.shape()
                            + ": its size is " + data.shape().dim(a) + ", not 1");
                }
                remove[a] = true;
            }
        }
        int[] dims = new int[rank];
        int n = 0;
        for (int i = 0; i < rank; i++) {
            if (!remove[i]) {
                dims[n++] = data.shape().dim(i);
            }
        }
        return List.of(data.reshape(Shape.of(Arrays.copyOf(dims, n))));
    }

    /** Unsqueeze-13: inserts size-1 axes at the listed positions of the output (negative counts from its end). */
    static List<Tensor> unsqueeze(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 2);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        long[] axes = ShapeAxes.inputOrAttribute(inputs, 1, attributes, "axes");
        if (axes == null) {
            throw new TensorException("missing required input 1 (axes)");
        }
        int outRank = data.rank() + axes.length;
        boolean[] inserted = new boolean[outRank];
        for (int a : ShapeAxes.normalize(axes, outRank, "axes")) {
            inserted[a] = true;
        }
        int[] dims = new int[outRank];
        int next = 0;
        for (int i = 0; i < outRank; i++) {
            dims[i] = inserted[i] ? 1 : data.shape().dim(next++);
        }
        return List.of(data.reshape(Shape.of(dims)));
    }
}
