package dev.crest.tensor.optim;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015, Algorithm 1) with bias-corrected moments, per-parameter step counts and optional
 * L2 or decoupled (AdamW) weight decay, matching PyTorch's {@code torch.optim.Adam}/{@code AdamW}: ε is added
 * to √v̂, not inside the square root.
 */
public final class Adam implements Optimizer {
    private final List<Parameter> parameters;
    private final AdamSettings settings;
    private final Map<Parameter, Moments> state = new IdentityHashMap<>();

    /** First and second moment estimates of one parameter and the number of steps taken on it. */
    private static final class Moments {
        final float[] first;
        final float[] second;
        int steps;

        Moments(int size) {
            first = new float[size];
            second = new float[size];
        }
    }

    public Adam(List<Parameter> parameters, AdamSettings settings) {
        this.parameters = List.copyOf(parameters);
        this.settings = settings;
        for (Parameter p : this.parameters) {
            ParameterGradients.values(p, "Adam");
        }
    }

    public AdamSettings settings() {
        return settings;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public void step(Gradients gradients) {
        float beta1 = (float) settings.beta1();
        float beta2 = (float) settings.beta2();
        // 1 − β in double: in float32, 1 − 0.999f is off by 1e-5 relative, which skews v noticeably.
        float gain1 = (float) (1 - settings.beta1());
        float gain2 = (float) (1 - settings.beta2());
        float epsilon = (float) settings.epsilon();
        float l2 = settings.decoupledWeightDecay() ? 0f : (float) settings.weightDecay();
        float shrink = settings.decoupledWeightDecay()
                ? (float) (1 - settings.learningRate() * settings.weightDecay()) : 1f;
        for (Parameter p : parameters) {
            float[] g = ParameterGradients.of(p, gradients);
            if (g == null) {
                continue;
            }
            float[] w = ParameterGradients.values(p, "Adam");
            Moments moments = state.computeIfAbsent(p, key -> new Moments(w.length));
            moments.steps++;
            double correction1 = 1 - Math.pow(settings.beta1(), moments.steps);
            double correction2 = 1 - Math.pow(settings.beta2(), moments.steps);
            // w ← w − lr/c1 · m / (√v/√c2 + ε), the bias corrections folded into two scalars.
            float stepSize = (float) (settings.learningRate() / correction1);
            float rootCorrection2 = (float) Math.sqrt(correction2);
            float[] m = moments.first;
            float[] v = moments.second;
            float[] updated = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + l2 * w[i];
                float mi = beta1 * m[i] + gain1 * gi;
                float vi = beta2 * v[i] + gain2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                updated[i] = w[i] * shrink - stepSize * mi / ((float) Math.sqrt(vi) / rootCorrection2 + epsilon);
            }
            p.setValue(Tensor.wrapFloat32(p.value().shape(), updated));
        }
    }
}
