package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;

/**
 * Trilu-14: keeps the upper ({@code upper=1}, default) or lower triangle of the last two axes, counting
 * diagonals from the optional {@code k} input (positive k moves the diagonal up), and zeroes the rest.
 */
final class ShapeTriluKernel {
    private ShapeTriluKernel() {
    }

    static List<Tensor> apply(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 2);
        Tensor input = KernelArgs.required(inputs, 0, "input");
        if (input.rank() < 2) {
            throw new TensorException("input must have rank 2 or more, got shape " + input.shape());
        }
        boolean upper = ShapeAxes.flag(attributes, "upper", true);
        long k = 0;
        Tensor kInput = KernelArgs.optional(inputs, 1);
        if (kInput != null) {
            long[] values = KernelArgs.longs(kInput, "k");
            if (values.length != 1) {
                throw new TensorException("k must hold one value, got shape " + kInput.shape());
            }
            k = values[0];
        }
        int rows = input.shape().dim(-2);
        int cols = input.shape().dim(-1);
        int[] map = new int[input.size()];
        int matrix = rows * cols;
        for (int base = 0; base < map.length; base += matrix) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    long diagonal = (long) j - i;
                    boolean keep = upper ? diagonal >= k : diagonal <= k;
                    int flat = base + i * cols + j;
                    map[flat] = keep ? flat : IndexMap.FILL;
                }
            }
        }
        return List.of(IndexMap.take(input, input.shape(), map, null));
    }
}
