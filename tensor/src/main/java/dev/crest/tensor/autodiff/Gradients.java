package dev.crest.tensor.autodiff;

import dev.crest.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/** The result of {@link Tape#backward}: the gradient of the seeded output with respect to each variable. */
public final class Gradients {
    private final Map<Variable, Tensor> gradients;
    /** Applied on {@link #get}, so a scaled view costs only the gradients actually read. */
    private final double factor;

    Gradients(IdentityHashMap<Variable, Tensor> gradients) {
        this(gradients, 1);
    }

    private Gradients(Map<Variable, Tensor> gradients, double factor) {
        this.gradients = gradients;
        this.factor = factor;
    }

    /**
     * The gradient of {@code v} (same shape and dtype as its value), or {@code null} when no gradient reached it:
     * it does not require one, or the output does not depend on it.
     */
    public Tensor get(Variable v) {
        Tensor g = gradients.get(v);
        if (g == null || factor == 1) {
            return g;
        }
        double[] scaled = g.toDoubleArray();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return Tensor.fromDoubles(g.dtype(), g.shape(), scaled);
    }

    /**
     * These gradients times {@code factor}, as a second backward pass seeded with {@code factor} would give them
     * (gradients are linear in the seed; equal up to rounding), without running that pass: for clipping a gradient
     * by its norm.
     */
    public Gradients scaled(double factor) {
        return new Gradients(gradients, this.factor * factor);
    }
}
