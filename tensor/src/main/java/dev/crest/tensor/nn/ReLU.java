package dev.crest.tensor.nn;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;

/** The float32 rectifier max(x, 0), element-wise; its gradient passes where the output is positive. */
public final class ReLU implements Module {
    @Override
    public Variable forward(Tape tape, Variable input) {
        Tensor x = input.value();
        float[] xs = LayerInputs.float32(x, "ReLU");
        float[] y = new float[xs.length];
        for (int i = 0; i < y.length; i++) {
            // Math.max compiles to a vectorized max; a ternary compiles to a branch that mispredicts on
            // random signs and is ten times slower.
            y[i] = Math.max(xs[i], 0f);
        }
        return tape.custom(Tensor.wrapFloat32(x.shape(), y), dy -> {
            float[] g = LayerInputs.gradient(dy);
            float[] dx = new float[g.length];
            for (int i = 0; i < dx.length; i++) {
                // Branch-free select so the loop vectorizes: the sign bit of (bits(y) − 1) is set exactly
                // when y is +0 (inactive), and then masks the gradient to +0.
                int inactive = (Float.floatToRawIntBits(y[i]) - 1) >> 31;
                dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & ~inactive);
            }
            return new Tensor[] {Tensor.wrapFloat32(x.shape(), dx)};
        }, input);
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
