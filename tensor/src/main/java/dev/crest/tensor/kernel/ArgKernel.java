package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ArgMax-13 and ArgMin-13: the int64 index of the largest (smallest) element along {@code axis}, the first one
 * unless {@code select_last_index=1}. As in NumPy (the ONNX reference implementation), NaN counts as the
 * extreme value for both, and -0.0 equals 0.0.
 */
final class ArgKernel {
    private static final Set<DType> TYPES = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT8,
            DType.INT16, DType.INT32, DType.INT64, DType.UINT8);

    private ArgKernel() {
    }

    static Kernel kernel(boolean max) {
        return (inputs, attributes) -> List.of(arg(max, inputs, attributes));
    }

    private static Tensor arg(boolean max, List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        KernelArgs.requireDType(data, "data", TYPES);
        int rank = data.rank();
        int axis = ShapeAxes.normalize(attributes.getLong("axis", 0), rank, "axis");
        boolean keepDims = ShapeAxes.flag(attributes, "keepdims", true);
        boolean last = ShapeAxes.flag(attributes, "select_last_index", false);
        boolean[] reduced = new boolean[rank];
        reduced[axis] = true;
        ReductionPlan plan = ReductionPlan.of(data.shape(), reduced, keepDims);
        int n = plan.groupSize;
        if (n == 0 && plan.groups > 0) {
            throw new TensorException("cannot take the arg" + (max ? "max" : "min") + " of axis " + axis
                    + " of shape " + data.shape() + " because it is empty");
        }
        long[] out = new long[plan.groups];
        int[] map = plan.map;
        if (data.dtype().isFloat()) {
            double[] x = data.toDoubleArray();
            for (int o = 0; o < out.length; o++) {
                int base = o * n;
                int best = 0;
                for (int i = 1; i < n; i++) {
                    if (replaces(x[map[base + i]], x[map[base + best]], max, last)) {
                        best = i;
                    }
                }
                out[o] = best;
            }
        } else {
            long[] x = data.toLongArray();
            for (int o = 0; o < out.length; o++) {
                int base = o * n;
                int best = 0;
                for (int i = 1; i < n; i++) {
                    long v = x[map[base + i]];
                    long b = x[map[base + best]];
                    if (v == b ? last : (max ? v > b : v < b)) {
                        best = i;
                    }
                }
                out[o] = best;
            }
        }
        return Tensor.fromLongs(DType.INT64, plan.outputShape, out);
    }

    /**
     * True when {@code v} should replace the current choice {@code best}: NaN beats every number in both
     * directions, equal values (NaN and NaN, -0.0 and 0.0) replace only when the last index is wanted.
     */
    private static boolean replaces(double v, double best, boolean max, boolean last) {
        boolean vNaN = Double.isNaN(v);
        if (Double.isNaN(best)) {
            return last && vNaN;
        }
        if (vNaN) {
            return true;
        }
        if (v == best) {
            return last;
        }
        return max ? v > best : v < best;
    }
}
