package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.KernelCalls.addScalar;
import static dev.crest.tensor.autodiff.KernelCalls.mul;
import static dev.crest.tensor.autodiff.KernelCalls.mulScalar;
import static dev.crest.tensor.autodiff.KernelCalls.neg;
import static dev.crest.tensor.autodiff.KernelCalls.reduceSum;
import static dev.crest.tensor.autodiff.KernelCalls.run;
import static dev.crest.tensor.autodiff.KernelCalls.sub;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Map;

/**
 * Gradient rule of BatchNormalization in inference mode, Y = scale·(X − mean)/√(var + ε) + B with per-channel
 * parameters on axis 1, to X, scale, B, mean and var.
 */
final class NormalizationGradients {
    private NormalizationGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        rules.put("BatchNormalization", NormalizationGradients::batchNormalization);
    }

    private static Tensor[] batchNormalization(GradientContext c) {
        if (c.attributes().getLong("training_mode", 0) != 0) {
            throw new TensorException("only inference mode (training_mode=0) is differentiable");
        }
        Tensor x = c.input(0);
        Tensor g = c.gradient();
        int rank = x.rank();
        int channels = x.shape().dim(1);
        int[] perChannel = new int[rank];
        java.util.Arrays.fill(perChannel, 1);
        perChannel[1] = channels;
        Shape channelShape = Shape.of(perChannel);
        Tensor scale = c.input(1).reshape(channelShape);
        Tensor mean = c.input(3).reshape(channelShape);
        Tensor variance = c.input(4).reshape(channelShape);
        double epsilon = c.attributes().getDouble("epsilon", 1e-5);
        Tensor inverseStd = run("Reciprocal", run("Sqrt", addScalar(variance, epsilon)));
        Tensor centered = sub(x, mean);
        int[] otherAxes = new int[rank - 1];
        otherAxes[0] = 0;
        for (int i = 2; i < rank; i++) {
            otherAxes[i - 1] = i;
        }
        Shape vector = c.input(1).shape();
        Tensor gSum = reduceSum(g, otherAxes, true);
        Tensor dx = c.needs(0) ? mul(g, mul(scale, inverseStd)) : null;
        Tensor dScale = c.needs(1) ? reduceSum(mul(g, mul(centered, inverseStd)), otherAxes, true).reshape(vector) : null;
        Tensor dBias = c.needs(2) ? gSum.reshape(c.input(2).shape()) : null;
        Tensor dMean = c.needs(3) ? neg(mul(gSum, mul(scale, inverseStd))).reshape(c.input(3).shape()) : null;
        Tensor dVariance = null;
        if (c.needs(4)) {
            Tensor cubed = mul(inverseStd, mul(inverseStd, inverseStd));
            Tensor gCentered = reduceSum(mul(g, centered), otherAxes, true);
            dVariance = mulScalar(mul(gCentered, mul(scale, cubed)), -0.5).reshape(c.input(4).shape());
        }
        return new Tensor[] {dx, dScale, dBias, dMean, dVariance};
    }
}
