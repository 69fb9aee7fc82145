package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.crest.fuzz.FuzzException;

/**
 * Pad in the modes constant, reflect, edge and wrap. Constant padding is PyTorch's {@code constant_pad_nd},
 * which also crops for negative pads. The other modes first crop the negative pads, then gather each padded
 * axis along source indices computed here from ONNX's definition of the mode.
 */
final class PadOp {
    private PadOp() {
    }

    static NDArray apply(OpCall call) {
        NDArray x = call.input(0);
        int rank = x.getShape().dimension();
        long[] begin = new long[rank];
        long[] end = new long[rank];
        double value;
        if (call.opset() >= 11) {
            long[] pads = call.longs(1);
            value = call.has(2) ? call.scalar(2) : 0;
            long[] spelled = call.has(3) ? call.longs(3) : null;
            int[] axes = spelled == null ? Axes.all(rank) : unsorted(spelled, rank);
            spread(pads, axes, begin, end);
        } else {
            long[] pads = call.attributes().getLongs("pads");
            value = call.attributes().getDouble("value", 0);
            spread(pads, Axes.all(rank), begin, end);
        }
        String mode = call.attributes().getString("mode", "constant");
        if (mode.equals("constant")) {
            return JniUtils.pad((PtNDArray) x, torchOrder(begin, end), value);
        }
        NDArray y = crop(x, begin, end);
        long[] dims = y.getShape().getShape();
        for (int axis = 0; axis < rank; axis++) {
            long before = Math.max(0, begin[axis]);
            long after = Math.max(0, end[axis]);
            if (before == 0 && after == 0) {
                continue;
            }
            long[] source = new long[(int) (dims[axis] + before + after)];
            for (int j = 0; j < source.length; j++) {
                source[j] = sourceIndex(mode, j - before, dims[axis]);
            }
            StringBuilder index = new StringBuilder();
            for (int d = 0; d < axis; d++) {
                index.append(":, ");
            }
            index.append("{}");
            y = y.get(new NDIndex(index.toString(), call.manager().create(source)));
        }
        return y;
    }

    /** Where output position {@code i} (relative to the first original element) reads from in an axis of n. */
    static long sourceIndex(String mode, long i, long n) {
        switch (mode) {
            case "edge":
                return Math.max(0, Math.min(n - 1, i));
            case "wrap":
                return Math.floorMod(i, n);
            case "reflect": {
                if (n == 1) {
                    return 0;
                }
                long period = 2 * (n - 1);
                long r = Math.floorMod(i, period);
                return r < n ? r : period - r;
            }
            default:
                throw new FuzzException("Pad mode '" + mode + "' is not translated");
        }
    }

    private static int[] unsorted(long[] axes, int rank) {
        int[] result = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            result[i] = Axes.normalize(axes[i], rank);
        }
        return result;
    }

    /** ONNX pads list every begin, then every end, in the order of {@code axes}. */
    private static void spread(long[] pads, int[] axes, long[] begin, long[] end) {
        if (pads.length != 2 * axes.length) {
            throw new FuzzException("Pad has " + pads.length + " pads for " + axes.length + " axes");
        }
        for (int i = 0; i < axes.length; i++) {
            begin[axes[i]] = pads[i];
            end[axes[i]] = pads[axes.length + i];
        }
    }

    /** PyTorch pads list (begin, end) pairs from the last axis backwards. */
    static long[] torchOrder(long[] begin, long[] end) {
        long[] pads = new long[2 * begin.length];
        for (int axis = 0; axis < begin.length; axis++) {
            int slot = begin.length - 1 - axis;
            pads[2 * slot] = begin[axis];
            pads[2 * slot + 1] = end[axis];
        }
        return pads;
    }

    private static NDArray crop(NDArray x, long[] begin, long[] end) {
        long[] cropBegin = new long[begin.length];
        long[] cropEnd = new long[end.length];
        boolean any = false;
        for (int axis = 0; axis < begin.length; axis++) {
            cropBegin[axis] = Math.min(0, begin[axis]);
            cropEnd[axis] = Math.min(0, end[axis]);
            any |= cropBegin[axis] < 0 || cropEnd[axis] < 0;
        }
        return any ? JniUtils.pad((PtNDArray) x, torchOrder(cropBegin, cropEnd), 0) : x;
    }
}
