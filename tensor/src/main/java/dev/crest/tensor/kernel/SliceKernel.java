package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;

/**
 * Slice-13 ({@code starts}, {@code ends}, {@code axes}, {@code steps} as inputs; the Slice-1 attribute form is
 * accepted too). Negative starts and ends count from the end of the axis; they are then clamped as the ONNX
 * specification says: to {@code [0, dim]} for positive steps and to {@code [0, dim-1]} (starts) and
 * {@code [-1, dim-1]} (ends) for negative steps.
 */
final class SliceKernel {
    private SliceKernel() {
    }

    static List<Tensor> apply(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 5);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        long[] starts = ShapeAxes.inputOrAttribute(inputs, 1, attributes, "starts");
        long[] ends = ShapeAxes.inputOrAttribute(inputs, 2, attributes, "ends");
        if (starts == null) {
            throw new TensorException("missing required input 1 (starts)");
        }
        if (ends == null) {
            throw new TensorException("missing required input 2 (ends)");
        }
        long[] axes = ShapeAxes.inputOrAttribute(inputs, 3, attributes, "axes");
        Tensor stepsInput = KernelArgs.optional(inputs, 4);
        long[] steps = stepsInput == null ? null : KernelArgs.longs(stepsInput, "steps");
        return List.of(slice(data, starts, ends, axes, steps));
    }

    static Tensor slice(Tensor data, long[] starts, long[] ends, long[] axes, long[] steps) {
        int rank = data.rank();
        int n = starts.length;
        if (ends.length != n) {
            throw new TensorException("starts " + Arrays.toString(starts) + " and ends " + Arrays.toString(ends)
                    + " must have the same length");
        }
        if (axes != null && axes.length != n) {
            throw new TensorException("axes " + Arrays.toString(axes) + " must have the same length as starts ("
                    + n + ")");
        }
        if (steps != null && steps.length != n) {
            throw new TensorException("steps " + Arrays.toString(steps) + " must have the same length as starts ("
                    + n + ")");
        }
        int[] axisList;
        if (axes == null) {
            if (n > rank) {
                throw new TensorException("starts has " + n + " entries but the input has rank " + rank);
            }
            axisList = new int[n];
            for (int i = 0; i < n; i++) {
                axisList[i] = i;
            }
        } else {
            axisList = ShapeAxes.normalize(axes, rank, "axes");
        }

        Shape in = data.shape();
        int[] first = new int[rank];
        long[] step = new long[rank];
        int[] dims = in.dims();
        Arrays.fill(step, 1);
        for (int i = 0; i < n; i++) {
            int axis = axisList[i];
            long st = steps == null ? 1 : steps[i];
            if (st == 0) {
                throw new TensorException("steps " + Arrays.toString(steps) + " may not contain 0");
            }
            long[] range = clampedRange(in.dim(axis), starts[i], ends[i], st);
            first[axis] = (int) range[0];
            dims[axis] = (int) range[1];
            step[axis] = st;
        }

        int[] strides = in.strides();
        int[][] tables = new int[rank][];
        for (int a = 0; a < rank; a++) {
            int[] table = new int[dims[a]];
            for (int j = 0; j < table.length; j++) {
                // first + j*step stays inside [0, dim) for every produced index, so it fits in an int.
                table[j] = (int) (first[a] + j * step[a]) * strides[a];
            }
            tables[a] = table;
        }
        return IndexMap.take(data, Shape.of(dims), IndexMap.compose(tables));
    }

    /** {first index, element count} of the slice {@code start:end:step} of an axis of size {@code dim}. */
    static long[] clampedRange(int dim, long start, long end, long step) {
        if (dim == 0) {
            return new long[] {0, 0};
        }
        long s = start < 0 ? start + dim : start;
        long e = end < 0 ? end + dim : end;
        long distance;
        long stride;
        if (step > 0) {
            s = clamp(s, 0, dim);
            e = clamp(e, 0, dim);
            distance = e - s;
            stride = step;
        } else {
            s = clamp(s, 0, dim - 1);
            e = clamp(e, -1, dim - 1);
            distance = s - e;
            stride = step == Long.MIN_VALUE ? Long.MAX_VALUE : -step;
        }
        long count = distance <= 0 ? 0 : (distance - 1) / stride + 1;
        return new long[] {s, count};
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
