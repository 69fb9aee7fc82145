package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;

/** The mean squared error loss, mean((prediction − target)²) over all elements, for float32 regression. */
public final class MeanSquaredError {
    private MeanSquaredError() {
    }

    /** The loss of {@code prediction} against a constant {@code target} of the same shape, as a scalar variable. */
    public static Variable of(Tape tape, Variable prediction, Tensor target) {
        Tensor p = prediction.value();
        float[] ps = LayerInputs.float32(p, "mean squared error");
        float[] ts = LayerInputs.float32(target, "mean squared error (target)");
        if (!p.shape().equals(target.shape())) {
            throw new TensorException("mean squared error needs prediction and target of the same shape, got "
                    + p.shape() + " and " + target.shape());
        }
        if (ps.length == 0) {
            throw new TensorException("mean squared error needs at least one element");
        }
        int n = ps.length;
        float[] diff = new float[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            float d = ps[i] - ts[i];
            diff[i] = d;
            total += (double) d * d;
        }
        Tensor loss = Tensor.wrapFloat32(Shape.scalar(), new float[] {(float) (total / n)});
        return tape.custom(loss, seed -> {
            float scale = (float) (2.0 * LayerInputs.seedValue(seed) / n);
            float[] dp = new float[n];
            for (int i = 0; i < n; i++) {
                dp[i] = diff[i] * scale;
            }
            return new Tensor[] {Tensor.wrapFloat32(p.shape(), dp)};
        }, prediction);
    }
}
