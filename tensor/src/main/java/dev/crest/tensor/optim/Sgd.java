package dev.crest.tensor.optim;

import dev.crest.tensor.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, following
 * PyTorch's {@code torch.optim.SGD} with zero dampening: g ← ∇ + λw; v ← μv + g; w ← w − η·(g + μv) with
 * Nesterov, w ← w − η·v without (v starts at zero).
 */
public final class Sgd extends ParameterwiseOptimizer {
    private final SgdSettings settings;
    private final Map<Parameter, float[]> velocities = new IdentityHashMap<>();

    public Sgd(List<Parameter> parameters, SgdSettings settings) {
        super(parameters, "SGD");
        this.settings = settings;
    }

    public SgdSettings settings() {
        return settings;
    }

    @Override
    void update(Parameter p, float[] w, float[] g, float[] updated) {
        float lr = (float) settings.learningRate();
        float decay = (float) settings.weightDecay();
        float mu = (float) settings.momentum();
        if (mu == 0) {
            for (int i = 0; i < w.length; i++) {
                updated[i] = w[i] - lr * (g[i] + decay * w[i]);
            }
            return;
        }
        boolean nesterov = settings.nesterov();
        float[] v = velocities.computeIfAbsent(p, key -> new float[w.length]);
        for (int i = 0; i < w.length; i++) {
            float gi = g[i] + decay * w[i];
            float vi = mu * v[i] + gi;
            v[i] = vi;
            updated[i] = w[i] - lr * (nesterov ? gi + mu * vi : vi);
        }
    }
}
