package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;

/** Concat-13: joins tensors of equal rank and dtype along {@code axis}; all other dimensions must match. */
final class ShapeConcatKernel {
    private ShapeConcatKernel() {
    }

    static List<Tensor> apply(List<Tensor> inputs, Attributes attributes) {
        if (inputs.isEmpty()) {
            throw new TensorException("expects at least 1 input, got 0");
        }
        Tensor first = KernelArgs.required(inputs, 0, "inputs[0]");
        int rank = first.rank();
        if (rank == 0) {
            throw new TensorException("cannot concatenate scalars: inputs must have rank 1 or more");
        }
        int axis = ShapeAxes.normalize(attributes.getLong("axis"), rank, "axis");
        int[] dims = first.shape().dims();
        int axisTotal = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = KernelArgs.required(inputs, i, "inputs[" + i + "]");
            KernelArgs.requireSameDType(first, "inputs[0]", t, "inputs[" + i + "]");
            if (!sameExceptAxis(first.shape(), t.shape(), axis)) {
                throw new TensorException("inputs[" + i + "] has shape " + t.shape() + " but inputs[0] has "
                        + first.shape() + ": all dimensions except axis " + axis + " must match");
            }
            axisTotal = Math.addExact(axisTotal, t.shape().dim(axis));
        }
        dims[axis] = axisTotal;
        Shape out = Shape.of(dims);
        int outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= dims[a];
        }
        DType dtype = first.dtype();
        if (dtype == DType.FLOAT32) {
            float[] result = new float[out.size()];
            int offset = 0;
            for (Tensor t : inputs) {
                int block = blockSize(t, axis);
                offset = copyBlocks(t.float32Data(), result, offset, block, out.size() / Math.max(1, outer), outer);
            }
            return List.of(Tensor.wrapFloat32(out, result));
        }
        if (dtype.isFloat()) {
            double[] result = new double[out.size()];
            int offset = 0;
            for (Tensor t : inputs) {
                int block = blockSize(t, axis);
                offset = copyBlocks(t.toDoubleArray(), result, offset, block, out.size() / Math.max(1, outer), outer);
            }
            return List.of(Tensor.fromDoubles(dtype, out, result));
        }
        long[] result = new long[out.size()];
        int offset = 0;
        for (Tensor t : inputs) {
            int block = blockSize(t, axis);
            offset = copyBlocks(t.toLongArray(), result, offset, block, out.size() / Math.max(1, outer), outer);
        }
        return List.of(Tensor.fromLongs(dtype, out, result));
    }

    private static boolean sameExceptAxis(Shape a, Shape b, int axis) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int i = 0; i < a.rank(); i++) {
            if (i != axis && a.dim(i) != b.dim(i)) {
                return false;
            }
        }
        return true;
    }

    /** Elements of {@code t} per outer index: its axis dimension times the dimensions after the axis. */
    private static int blockSize(Tensor t, int axis) {
        int block = 1;
        for (int a = axis; a < t.rank(); a++) {
            block *= t.shape().dim(a);
        }
        return block;
    }

    /**
     * Copies {@code outer} consecutive blocks of {@code block} elements from {@code src} to {@code dst}, where
     * {@code dst}'s blocks are {@code dstBlock} apart starting at {@code offset}; returns the next offset.
     */
    private static int copyBlocks(Object src, Object dst, int offset, int block, int dstBlock, int outer) {
        for (int o = 0; o < outer; o++) {
            System.arraycopy(src, o * block, dst, o * dstBlock + offset, block);
        }
        return offset + block;
    }
}
