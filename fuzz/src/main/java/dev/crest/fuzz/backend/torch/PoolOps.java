package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.DType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

/**
 * MaxPool and AveragePool. PyTorch's pooling kernels pad both ends equally and (for max pooling) know no
 * dilation, so the input is padded here to ONNX's geometry first: with the lowest value for MaxPool, which no
 * window then takes, and with zeros for AveragePool, whose divisor is then the window sum of a mask of the
 * counted positions. AveragePool with symmetric pads and {@code count_include_pad=1} runs PyTorch's own kernel
 * with its padding and divisor rules, which match ONNX's (the ceil-mode overhang past the end pad is not
 * counted). DJL's {@code avgPool} drops its {@code countIncludePad} argument (PyTorch then always counts the
 * padding), so {@code count_include_pad=0} always takes the mask route. Dilated windows, which PyTorch's
 * kernels exposed by DJL lack, are reduced axis by axis over strided slices (maximum and sum are separable).
 */
final class PoolOps {
    private PoolOps() {
    }

    static void register(Map<String, TorchOp> ops) {
        ops.put("MaxPool", SimpleOp.unary(EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT8,
                DType.UINT8), PoolOps::maxPool));
        ops.put("AveragePool", SimpleOp.unary(Dtypes.FLOATS, PoolOps::averagePool));
    }

    private static WindowGeometry geometry(OpCall call) {
        long[] dims = call.input(0).getShape().getShape();
        if (dims.length < 3) {
            throw new FuzzException("pooling needs a rank-3 or higher input, got rank " + dims.length);
        }
        long[] input = Arrays.copyOfRange(dims, 2, dims.length);
        return WindowGeometry.resolve(call.attributes(), input, call.attributes().getLongs("kernel_shape"), true);
    }

    private static NDArray maxPool(OpCall call) {
        NDArray x = call.input(0);
        WindowGeometry g = geometry(call);
        if (!call.inputTypes().get(0).isFloat()) {
            // PyTorch's CPU max pooling has no 8-bit integer kernel in every rank; float32 holds them exactly.
            return maxPool(x.toType(DataType.FLOAT32, false), g, Double.NEGATIVE_INFINITY).toType(x.getDataType(), false);
        }
        return maxPool(x, g, Double.NEGATIVE_INFINITY);
    }

    private static NDArray maxPool(NDArray x, WindowGeometry g, double lowest) {
        NDArray padded = padForWindows(x, g, lowest, lowest);
        NDArray pooled = g.undilated()
                ? JniUtils.maxPool((PtNDArray) padded, new Shape(g.kernel()), new Shape(g.strides()),
                        new Shape(new long[g.rank()]), false)
                : slidingReduce(padded, g, true);
        return cropToOutput(pooled, g);
    }

    private static NDArray averagePool(OpCall call) {
        NDArray x = call.input(0);
        WindowGeometry g = geometry(call);
        if (x.getDataType() == DataType.FLOAT16 && g.rank() == 3) {
            // PyTorch's CPU avg_pool3d has no float16 kernel; it computes float16 in float32 elsewhere too.
            return averagePool(call, x.toType(DataType.FLOAT32, false), g).toType(DataType.FLOAT16, false);
        }
        return averagePool(call, x, g);
    }

    private static NDArray averagePool(OpCall call, NDArray x, WindowGeometry g) {
        boolean includePad = call.attributes().getLong("count_include_pad", 0) == 1;
        boolean ceil = call.attributes().getLong("ceil_mode", 0) == 1;
        // DJL 0.36's native avgPool never passes countIncludePad on, so PyTorch counts the padding regardless.
        if (includePad && g.undilated() && g.symmetric() && fitsTorchPadding(g)) {
            return cropToOutput(JniUtils.avgPool((PtNDArray) x, new Shape(g.kernel()), new Shape(g.strides()),
                    new Shape(g.begin()), ceil, true), g);
        }
        // A float16 window sum overflows where the average does not: sum and divide in float32, round once.
        boolean half = x.getDataType() == DataType.FLOAT16;
        NDArray wide = half ? x.toType(DataType.FLOAT32, false) : x;
        NDArray sums = windowSums(padForWindows(wide, g, 0, 0), g);
        long[] maskShape = new long[g.rank() + 2];
        Arrays.fill(maskShape, 1);
        System.arraycopy(g.input(), 0, maskShape, 2, g.rank());
        NDArray mask = call.manager().ones(new Shape(maskShape), wide.getDataType());
        NDArray counts = windowSums(padForWindows(mask, g, includePad ? 1 : 0, 0), g);
        NDArray averages = cropToOutput(sums.div(counts), g);
        return half ? averages.toType(DataType.FLOAT16, false) : averages;
    }

    /**
     * PyTorch requires each pad to be at most half the kernel, and its 3-d pooling refuses an unpadded input
     * smaller than the kernel (ONNX only needs the padded input to hold it).
     */
    private static boolean fitsTorchPadding(WindowGeometry g) {
        for (int i = 0; i < g.rank(); i++) {
            if (2 * g.begin()[i] > g.kernel()[i] || g.input()[i] < g.kernel()[i]) {
                return false;
            }
        }
        return true;
    }

    /** Window sums: PyTorch's average pool (count_include_pad, no padding) times the window size when undilated. */
    private static NDArray windowSums(NDArray padded, WindowGeometry g) {
        if (!g.undilated()) {
            return slidingReduce(padded, g, false);
        }
        long size = 1;
        for (long k : g.kernel()) {
            size *= k;
        }
        NDArray means = JniUtils.avgPool((PtNDArray) padded, new Shape(g.kernel()), new Shape(g.strides()),
                new Shape(new long[g.rank()]), false, true);
        return means.mul(size);
    }

    /** Pads with {@code padValue} to ONNX's pads and with {@code overhangValue} past them for ceil-mode windows. */
    private static NDArray padForWindows(NDArray x, WindowGeometry g, double padValue, double overhangValue) {
        NDArray y = x;
        if (g.anyPadding()) {
            y = JniUtils.pad((PtNDArray) y, PadOp.torchOrder(LayerOps.withBatchAxes(g.begin()),
                    LayerOps.withBatchAxes(g.end())), padValue);
        }
        long[] overhang = new long[g.rank()];
        boolean any = false;
        for (int i = 0; i < g.rank(); i++) {
            overhang[i] = g.overhang(i);
            any |= overhang[i] > 0;
        }
        if (any) {
            y = JniUtils.pad((PtNDArray) y, PadOp.torchOrder(new long[g.rank() + 2], LayerOps.withBatchAxes(overhang)),
                    overhangValue);
        }
        return y;
    }

    /** Max or sum over each window, one spatial axis at a time, from one strided slice per kernel offset. */
    private static NDArray slidingReduce(NDArray padded, WindowGeometry g, boolean max) {
        NDArray y = padded;
        for (int i = 0; i < g.rank(); i++) {
            int axis = i + 2;
            NDArray reduced = null;
            for (long k = 0; k < g.kernel()[i]; k++) {
                long start = k * g.dilations()[i];
                NDArray taps = JniUtils.slice((PtNDArray) y, axis, start,
                        start + (g.output()[i] - 1) * g.strides()[i] + 1, g.strides()[i]);
                reduced = reduced == null ? taps : max ? reduced.maximum(taps) : reduced.add(taps);
            }
            y = reduced;
        }
        return y;
    }

    /** Keeps the first {@code output} windows per axis (PyTorch may fit one more into the padded input). */
    private static NDArray cropToOutput(NDArray pooled, WindowGeometry g) {
        NDArray y = pooled;
        for (int i = 0; i < g.rank(); i++) {
            if (y.getShape().get(i + 2) > g.output()[i]) {
                y = JniUtils.slice((PtNDArray) y, i + 2, 0, g.output()[i], 1);
            }
        }
        return y;
    }
}
