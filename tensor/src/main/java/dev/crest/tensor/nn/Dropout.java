package dev.crest.tensor.nn;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.SplittableRandom;

/**
 * Inverted dropout (Srivastava et al., 2014): in training mode each element is zeroed with probability
 * {@code p} and the survivors are scaled by 1/(1 − p), so inference is the identity. Masks come from the
 * layer's own seeded generator, so a seeded run drops the same elements every time.
 */
public final class Dropout implements Module {
    private final double p;
    private final SplittableRandom random;
    private boolean training = true;

    /** Dropout with drop probability {@code p} in [0, 1), masks drawn from {@code random}. */
    public Dropout(double p, SplittableRandom random) {
        if (!(p >= 0 && p < 1)) {
            throw new TensorException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.random = random;
    }

    /** Dropout with drop probability {@code p}, masks drawn from a generator seeded with {@code seed}. */
    public Dropout(double p, long seed) {
        this(p, new SplittableRandom(seed));
    }

    public double probability() {
        return p;
    }

    public boolean isTraining() {
        return training;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    @Override
    public Variable forward(Tape tape, Variable input) {
        if (!training || p == 0) {
            return input;
        }
        Tensor x = input.value();
        float[] xs = LayerInputs.float32(x, "Dropout");
        float scale = (float) (1.0 / (1.0 - p));
        float[] mask = new float[xs.length];
        float[] y = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (random.nextDouble() >= p) {
                mask[i] = scale;
                y[i] = xs[i] * scale;
            }
        }
        return tape.custom(Tensor.wrapFloat32(x.shape(), y), dy -> {
            float[] g = LayerInputs.gradient(dy);
            float[] dx = new float[g.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = g[i] * mask[i];
            }
            return new Tensor[] {Tensor.wrapFloat32(x.shape(), dx)};
        }, input);
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
