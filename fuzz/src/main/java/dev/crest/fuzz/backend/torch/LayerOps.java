package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network layers: MatMul (torch.matmul has numpy's batched semantics, like ONNX), Gemm, Conv (PyTorch's
 * convolution, with asymmetric padding applied beforehand since PyTorch pads both ends equally) and
 * BatchNormalization in inference mode.
 */
final class LayerOps {
    private LayerOps() {
    }

    static void register(Map<String, TorchOp> ops) {
        ops.put("MatMul", new SimpleOp(EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT32,
                DType.INT64), new int[] {0, 1}, SimpleOp.sameAs(0), call -> call.input(0).matMul(call.input(1))));
        ops.put("Gemm", new SimpleOp(Dtypes.FLOATS, new int[] {0, 1, 2}, SimpleOp.sameAs(0), LayerOps::gemm));
        ops.put("Conv", new SimpleOp(Dtypes.FLOATS, new int[] {0, 1, 2}, SimpleOp.sameAs(0), LayerOps::conv));
        SimpleOp batchNorm = new SimpleOp(Dtypes.FLOATS, new int[] {0, 1, 2, 3, 4}, SimpleOp.sameAs(0),
                LayerOps::batchNormalization);
        ops.put("BatchNormalization", new TorchOp() {
            @Override
            public Optional<String> rejects(List<DType> inputs, Attributes attributes) {
                if (attributes.getLong("training_mode", 0) != 0) {
                    return Optional.of("training mode is not translated");
                }
                return batchNorm.rejects(inputs, attributes);
            }

            @Override
            public List<DType> outputTypes(List<DType> inputs, Attributes attributes) {
                return batchNorm.outputTypes(inputs, attributes);
            }

            @Override
            public List<NDArray> apply(OpCall call) {
                return batchNorm.apply(call);
            }
        });
    }

    /**
     * Gemm as {@code alpha·A'B' + beta·C}. float16 computes in float32 and rounds once at the end, as PyTorch's
     * own half-precision {@code addmm} does on the CPU; composing it in float16 would round the product, the
     * scaled bias and the sum separately.
     */
    private static NDArray gemm(OpCall call) {
        Attributes attributes = call.attributes();
        DataType dataType = call.input(0).getDataType();
        boolean half = dataType == DataType.FLOAT16;
        NDArray a = widened(call.input(0), half);
        NDArray b = widened(call.input(1), half);
        a = attributes.getLong("transA", 0) == 1 ? a.transpose() : a;
        b = attributes.getLong("transB", 0) == 1 ? b.transpose() : b;
        double alpha = attributes.getDouble("alpha", 1);
        double beta = attributes.getDouble("beta", 1);
        NDArray y = a.matMul(b);
        if (alpha != 1) {
            y = y.mul(alpha);
        }
        if (call.has(2) && beta != 0) {
            NDArray c = widened(call.input(2), half);
            y = y.add(beta == 1 ? c : c.mul(beta));
        }
        return half ? y.toType(DataType.FLOAT16, false) : y;
    }

    private static NDArray widened(NDArray x, boolean half) {
        return half ? x.toType(DataType.FLOAT32, false) : x;
    }

    private static NDArray conv(OpCall call) {
        NDArray x = call.input(0);
        NDArray w = call.input(1);
        long[] dims = x.getShape().getShape();
        long[] weight = w.getShape().getShape();
        int spatial = dims.length - 2;
        if (spatial < 1) {
            throw new FuzzException("Conv needs a rank-3 or higher input, got rank " + dims.length);
        }
        long[] input = java.util.Arrays.copyOfRange(dims, 2, dims.length);
        long[] kernel = java.util.Arrays.copyOfRange(weight, 2, weight.length);
        WindowGeometry g = WindowGeometry.resolve(call.attributes(), input, kernel, false);
        long[] padding = new long[spatial];
        NDArray padded = x;
        if (g.symmetric()) {
            padding = g.begin().clone();
        } else {
            padded = JniUtils.pad((PtNDArray) x, PadOp.torchOrder(withBatchAxes(g.begin()), withBatchAxes(g.end())), 0);
        }
        PtNDArray bias = call.has(2) ? call.pt(2) : null;
        return JniUtils.convolution((PtNDArray) padded, call.pt(1), bias, new Shape(g.strides()), new Shape(padding),
                new Shape(g.dilations()), (int) call.attributes().getLong("group", 1));
    }

    /** Spatial pads with zero pads for the batch and channel axes in front. */
    static long[] withBatchAxes(long[] spatial) {
        long[] all = new long[spatial.length + 2];
        System.arraycopy(spatial, 0, all, 2, spatial.length);
        return all;
    }

    private static NDArray batchNormalization(OpCall call) {
        double epsilon = call.attributes().getDouble("epsilon", 1e-5);
        return JniUtils.batchNorm(call.pt(0), call.pt(3), call.pt(4), call.pt(1), call.pt(2), false, 0.1, epsilon);
    }
}
