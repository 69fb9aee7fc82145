package dev.crest.tensor.optim;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.nn.Parameter;
import java.util.List;

/**
 * The shared part of {@link Sgd} and {@link Adam}: a fixed list of float32 parameters, each replaced in a step by
 * new values computed from its current values and gradient; parameters without a gradient are skipped.
 */
abstract class ParameterwiseOptimizer implements Optimizer {
    private final List<Parameter> parameters;
    private final String name;

    /** Checks every parameter is float32 up front, naming the optimizer ({@code name}) in the error. */
    ParameterwiseOptimizer(List<Parameter> parameters, String name) {
        this.parameters = List.copyOf(parameters);
        this.name = name;
        for (Parameter p : this.parameters) {
            ParameterGradients.values(p, name);
        }
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final void step(Gradients gradients) {
        for (Parameter p : parameters) {
            float[] g = ParameterGradients.of(p, gradients);
            if (g == null) {
                continue;
            }
            float[] w = ParameterGradients.values(p, name);
            float[] updated = new float[w.length];
            update(p, w, g, updated);
            p.setValue(Tensor.wrapFloat32(p.value().shape(), updated));
        }
    }

    /** Writes the new values of {@code p} into {@code updated} from its values {@code w} and gradient {@code g}. */
    abstract void update(Parameter p, float[] w, float[] g, float[] updated);
}
