package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;

/**
 * {@code BatchNormalization} (opset 15) in inference mode: {@code Y = (X − mean) / sqrt(var + epsilon) · scale
 * + B} per channel (axis 1), computed in float64 and rounded once to the dtype of {@code X}. As opset 15 allows,
 * {@code scale}, {@code B}, {@code mean} and {@code var} may have a different float dtype from {@code X}.
 * {@code training_mode=1} (which also outputs running statistics) is refused.
 */
final class NormalizationKernels {
    private NormalizationKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("BatchNormalization", 15, NormalizationKernels::batchNormalization);
    }

    private static List<Tensor> batchNormalization(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 5, 5);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        Tensor scale = KernelArgs.required(inputs, 1, "scale");
        Tensor bias = KernelArgs.required(inputs, 2, "B");
        Tensor mean = KernelArgs.required(inputs, 3, "input_mean");
        Tensor variance = KernelArgs.required(inputs, 4, "input_var");
        KernelArgs.requireFloat(x, "X");
        KernelArgs.requireFloat(scale, "scale");
        KernelArgs.requireSameDType(scale, "scale", bias, "B");
        KernelArgs.requireFloat(mean, "input_mean");
        KernelArgs.requireSameDType(mean, "input_mean", variance, "input_var");
        long training = attributes.getLong("training_mode", 0);
        if (training != 0) {
            throw new TensorException("training_mode=" + training
                    + " is not supported; only inference (training_mode=0) is implemented");
        }
        double epsilon = attributes.getDouble("epsilon", 1e-5);
        if (x.rank() < 2) {
            throw new TensorException("X must have shape (N, C, ...) with rank at least 2, got " + x.shape());
        }
        int channels = x.shape().dim(1);
        checkPerChannel(scale, "scale", channels);
        checkPerChannel(bias, "B", channels);
        checkPerChannel(mean, "input_mean", channels);
        checkPerChannel(variance, "input_var", channels);

        double[] factor = new double[channels];
        for (int c = 0; c < channels; c++) {
            factor[c] = scale.getDouble(c) / Math.sqrt(variance.getDouble(c) + epsilon);
        }
        double[] values = x.toDoubleArray();
        int inner = 1;
        for (int d = 2; d < x.rank(); d++) {
            inner *= x.shape().dim(d);
        }
        for (int i = 0; i < values.length; i++) {
            int c = (i / inner) % channels;
            values[i] = (values[i] - mean.getDouble(c)) * factor[c] + bias.getDouble(c);
        }
        return List.of(Tensor.fromDoubles(x.dtype(), x.shape(), values));
    }

    private static void checkPerChannel(Tensor t, String name, int channels) {
        if (t.rank() != 1 || t.size() != channels) {
            throw new TensorException("input " + name + " must be 1-D with " + channels
                    + " values (one per channel of X), got shape " + t.shape());
        }
    }
}
