package dev.crest.tensor.optim;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, following
 * PyTorch's {@code torch.optim.SGD} with zero dampening: g ← ∇ + λw; v ← μv + g; w ← w − η·(g + μv) with
 * Nesterov, w ← w − η·v without (v starts at zero).
 */
public final class Sgd implements Optimizer {
    private final List<Parameter> parameters;
    private final SgdSettings settings;
    private final Map<Parameter, float[]> velocities = new IdentityHashMap<>();

    public Sgd(List<Parameter> parameters, SgdSettings settings) {
        this.parameters = List.copyOf(parameters);
        this.settings = settings;
        for (Parameter p : this.parameters) {
            ParameterGradients.values(p, "SGD");
        }
    }

    public SgdSettings settings() {
        return settings;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public void step(Gradients gradients) {
        float lr = (float) settings.learningRate();
        float decay = (float) settings.weightDecay();
        float mu = (float) settings.momentum();
        boolean nesterov = settings.nesterov();
        for (Parameter p : parameters) {
            float[] g = ParameterGradients.of(p, gradients);
            if (g == null) {
                continue;
            }
            float[] w = ParameterGradients.values(p, "SGD");
            float[] updated = new float[w.length];
            if (mu == 0) {
                for (int i = 0; i < w.length; i++) {
                    updated[i] = w[i] - lr * (g[i] + decay * w[i]);
                }
            } else {
                float[] v = velocities.computeIfAbsent(p, key -> new float[w.length]);
                for (int i = 0; i < w.length; i++) {
                    float gi = g[i] + decay * w[i];
                    float vi = mu * v[i] + gi;
                    v[i] = vi;
                    updated[i] = w[i] - lr * (nesterov ? gi + mu * vi : vi);
                }
            }
            p.setValue(Tensor.wrapFloat32(p.value().shape(), updated));
        }
    }
}
