package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * ReduceSum/Mean/Prod/Max/Min and ArgMax/ArgMin. Axes come from an attribute or, from the operator version that
 * moved them (ReduceSum-13, the others 18), from an optional input; no axes means every axis unless
 * {@code noop_with_empty_axes} is set. Several axes reduce one after the other with kept dimensions, and the
 * result is reshaped to ONNX's output shape at the end. PyTorch widens integer sums and products to int64; the
 * caller casts back, which wraps exactly as ONNX Runtime's narrower accumulator does.
 */
final class ReductionOps {
    private enum Kind { SUM, MEAN, PROD, MAX, MIN }

    private static final Set<DType> ARITHMETIC = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64,
            DType.INT32, DType.INT64);
    private static final Set<DType> ORDERED = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64,
            DType.INT8, DType.UINT8, DType.INT32, DType.INT64);

    private ReductionOps() {
    }

    static void register(Map<String, TorchOp> ops) {
        ops.put("ReduceSum", reduce(ARITHMETIC, Kind.SUM, 13));
        ops.put("ReduceMean", reduce(ARITHMETIC, Kind.MEAN, 18));
        ops.put("ReduceProd", reduce(ARITHMETIC, Kind.PROD, 18));
        ops.put("ReduceMax", reduce(ORDERED, Kind.MAX, 18));
        ops.put("ReduceMin", reduce(ORDERED, Kind.MIN, 18));
        ops.put("ArgMax", new SimpleOp(ORDERED, new int[] {0}, SimpleOp.always(DType.INT64), call -> arg(call, true)));
        ops.put("ArgMin", new SimpleOp(ORDERED, new int[] {0}, SimpleOp.always(DType.INT64), call -> arg(call, false)));
    }

    private static SimpleOp reduce(Set<DType> dtypes, Kind kind, int axesInputSince) {
        return SimpleOp.unary(dtypes, call -> reduce(call, kind, axesInputSince));
    }

    private static NDArray reduce(OpCall call, Kind kind, int axesInputSince) {
        NDArray x = call.input(0);
        Attributes attributes = call.attributes();
        int rank = x.getShape().dimension();
        long[] spelled;
        if (call.opset() >= axesInputSince) {
            spelled = call.has(1) ? call.longs(1) : new long[0];
            if (spelled.length == 0 && attributes.getLong("noop_with_empty_axes", 0) == 1) {
                return x;
            }
        } else {
            spelled = attributes.has("axes") ? attributes.getLongs("axes") : new long[0];
        }
        int[] axes = spelled.length == 0 ? Axes.all(rank) : Axes.normalizeAll(spelled, rank);
        if (axes.length == 0) {
            return x;
        }
        boolean keepDims = attributes.getLong("keepdims", 1) == 1;
        long[] kept = x.getShape().getShape().clone();
        long count = 1;
        for (int axis : axes) {
            count *= kept[axis];
            kept[axis] = 1;
        }
        NDArray reduced;
        switch (kind) {
            case SUM:
                reduced = JniUtils.sum((PtNDArray) x, toLongs(axes), true);
                break;
            case MEAN:
                reduced = mean(call, x, axes, count);
                break;
            default:
                reduced = x;
                for (int axis : axes) {
                    PtNDArray input = (PtNDArray) reduced;
                    reduced = kind == Kind.PROD ? JniUtils.prod(input, axis, true)
                            : kind == Kind.MAX ? JniUtils.max(input, axis, true) : JniUtils.min(input, axis, true);
                }
                break;
        }
        return reduced.reshape(keepDims ? kept : removed(kept, axes));
    }

    /**
     * Floats average axis by axis with PyTorch's mean (which accumulates float16 in float32, so a float16 sum
     * cannot overflow on the way); integers divide the sum by the count, truncating as ONNX Runtime does.
     */
    private static NDArray mean(OpCall call, NDArray x, int[] axes, long count) {
        if (call.inputTypes().get(0).isFloat()) {
            NDArray reduced = x;
            for (int axis : axes) {
                reduced = JniUtils.mean((PtNDArray) reduced, axis, true);
            }
            return reduced;
        }
        NDArray sum = JniUtils.sum((PtNDArray) x, toLongs(axes), true);
        return IntegerDivision.truncate(sum, call.manager().create(count));
    }

    /**
     * ArgMax/ArgMin: PyTorch returns the first extreme index, as ONNX does by default; with
     * {@code select_last_index} the axis is flipped and the index mirrored.
     */
    private static NDArray arg(OpCall call, boolean max) {
        NDArray x = call.input(0);
        Attributes attributes = call.attributes();
        int rank = x.getShape().dimension();
        int axis = Axes.normalize(attributes.getLong("axis", 0), Math.max(rank, 1));
        boolean keepDims = attributes.getLong("keepdims", 1) == 1;
        boolean last = attributes.getLong("select_last_index", 0) == 1;
        NDArray source = last ? x.flip(axis) : x;
        NDArray index = max ? JniUtils.argMax((PtNDArray) source, axis, keepDims)
                : JniUtils.argMin((PtNDArray) source, axis, keepDims);
        if (last) {
            index = index.neg().add(x.getShape().get(axis) - 1);
        }
        return index.toType(DataType.INT64, false);
    }

    private static long[] toLongs(int[] axes) {
        long[] result = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            result[i] = axes[i];
        }
        return result;
    }

    private static long[] removed(long[] kept, int[] axes) {
        long[] result = new long[kept.length - axes.length];
        int next = 0;
        for (int d = 0; d < kept.length; d++) {
            final int dim = d;
            if (java.util.Arrays.stream(axes).noneMatch(a -> a == dim)) {
                result[next++] = kept[d];
            }
        }
        return result;
    }
}
