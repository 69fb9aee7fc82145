package dev.crest.tensor.autodiff;

import dev.crest.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/** The result of {@link Tape#backward}: the gradient of the seeded output with respect to each variable. */
public final class Gradients {
    private final Map<Variable, Tensor> gradients;

    Gradients(IdentityHashMap<Variable, Tensor> gradients) {
        this.gradients = gradients;
    }

    /**
     * The gradient of {@code v} (same shape and dtype as its value), or {@code null} when no gradient reached it:
     * it does not require one, or the output does not depend on it.
     */
    public Tensor get(Variable v) {
        return gradients.get(v);
    }
}
