package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;

/**
 * Gather-13: picks entries of {@code data} along {@code axis} with int32/int64 {@code indices} (negative indices
 * count from the end); the output shape is {@code data.shape[:axis] + indices.shape + data.shape[axis+1:]}.
 */
final class GatherKernel {
    private GatherKernel() {
    }

    static List<Tensor> apply(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 2);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        Tensor indices = KernelArgs.required(inputs, 1, "indices");
        if (indices.dtype() != DType.INT32 && indices.dtype() != DType.INT64) {
            throw new TensorException("indices must be int32 or int64, got " + indices.dtype().displayName());
        }
        int rank = data.rank();
        if (rank == 0) {
            throw new TensorException("data must have rank 1 or more, got a scalar");
        }
        int axis = ShapeAxes.normalize(attributes.getLong("axis", 0), rank, "axis");
        Shape in = data.shape();
        int axisDim = in.dim(axis);
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= in.dim(i);
        }
        int inner = 1;
        for (int i = axis + 1; i < rank; i++) {
            inner *= in.dim(i);
        }

        int[] picked = new int[indices.size()];
        for (int k = 0; k < picked.length; k++) {
            long index = indices.getLong(k);
            if (index < -axisDim || index >= axisDim) {
                throw new TensorException("index " + index + " is out of range for axis " + axis + " of size "
                        + axisDim + " (expected " + -axisDim + " to " + (axisDim - 1) + ")");
            }
            picked[k] = (int) (index < 0 ? index + axisDim : index) * inner;
        }
        int[][] tables = {IndexMap.strided(outer, axisDim * inner), picked, IndexMap.strided(inner, 1)};

        int[] dims = new int[rank - 1 + indices.rank()];
        int n = 0;
        for (int i = 0; i < axis; i++) {
            dims[n++] = in.dim(i);
        }
        for (int d : indices.shape().dims()) {
            dims[n++] = d;
        }
        for (int i = axis + 1; i < rank; i++) {
            dims[n++] = in.dim(i);
        }
        return List.of(IndexMap.take(data, Shape.of(dims), IndexMap.compose(tables)));
    }
}
