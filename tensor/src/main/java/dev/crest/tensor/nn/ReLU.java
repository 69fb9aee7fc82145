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
            float v = xs[i];
            y[i] = v > 0f ? v : 0f;
        }
        return tape.custom(Tensor.wrapFloat32(x.shape(), y), dy -> {
            float[] g = LayerInputs.gradient(dy);
            float[] dx = new float[g.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = y[i] > 0f ? g[i] : 0f;
            }
            return new Tensor[] {Tensor.wrapFloat32(x.shape(), dx)};
        }, input);
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
