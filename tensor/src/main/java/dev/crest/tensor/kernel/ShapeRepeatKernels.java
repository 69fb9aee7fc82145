package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Broadcast;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;

/** The operators that repeat data: Expand-13 (bidirectional broadcast to a shape) and Tile-13. */
final class ShapeRepeatKernels {
    private ShapeRepeatKernels() {
    }

    /**
     * Expand-13: the output shape is the broadcast of the input's shape with {@code shape}, so a 1 in
     * {@code shape} keeps the input's dimension.
     */
    static List<Tensor> expand(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 2);
        Tensor input = KernelArgs.required(inputs, 0, "input");
        long[] requested = KernelArgs.longs(KernelArgs.required(inputs, 1, "shape"), "shape");
        for (long d : requested) {
            if (d < 0) {
                throw new TensorException("shape " + Arrays.toString(requested) + " has negative dimension " + d);
            }
        }
        Shape target = Shape.of(requested);
        Shape out;
        try {
            out = Broadcast.shape(input.shape(), target);
        } catch (TensorException e) {
            throw new TensorException("cannot expand shape " + input.shape() + " to " + target
                    + ": each dimension pair must be equal or contain a 1", e);
        }
        if (out.equals(input.shape())) {
            return List.of(input);
        }
        return List.of(IndexMap.take(input, out, Broadcast.indexMap(input.shape(), out)));
    }

    /** Tile-13: the input repeated {@code repeats[i]} times along each axis {@code i}. */
    static List<Tensor> tile(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 2);
        Tensor input = KernelArgs.required(inputs, 0, "input");
        long[] repeats = KernelArgs.longs(KernelArgs.required(inputs, 1, "repeats"), "repeats");
        Shape in = input.shape();
        int rank = in.rank();
        if (repeats.length != rank) {
            throw new TensorException("repeats " + Arrays.toString(repeats) + " must have one entry per axis of "
                    + in + " (" + rank + ")");
        }
        long[] dims = new long[rank];
        for (int a = 0; a < rank; a++) {
            if (repeats[a] < 0) {
                throw new TensorException("repeats " + Arrays.toString(repeats) + " may not be negative");
            }
            if (in.dim(a) != 0 && repeats[a] > Integer.MAX_VALUE / in.dim(a)) {
                throw new TensorException("tiling " + in + " by " + Arrays.toString(repeats)
                        + " makes more than 2^31-1 elements");
            }
            dims[a] = in.dim(a) * repeats[a];
        }
        Shape out = Shape.of(dims);
        int[] strides = in.strides();
        int[][] tables = new int[rank][];
        for (int a = 0; a < rank; a++) {
            int dim = in.dim(a);
            int[] table = new int[out.dim(a)];
            for (int j = 0; j < table.length; j++) {
                table[j] = (j % dim) * strides[a];
            }
            tables[a] = table;
        }
        return List.of(IndexMap.take(input, out, IndexMap.compose(tables)));
    }
}
