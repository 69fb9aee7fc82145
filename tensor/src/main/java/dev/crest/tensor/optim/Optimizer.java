package dev.crest.tensor.optim;

import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.nn.Parameter;
import java.util.List;

/**
 * Updates a fixed list of {@link Parameter}s from their gradients, one step per call. Parameters without a
 * gradient in a step (not used in that forward pass) are left unchanged, and so is their optimizer state.
 */
public interface Optimizer {
    /** Applies one update to every parameter that has a gradient in {@code gradients}. */
    void step(Gradients gradients);

    /** The parameters this optimizer updates. */
    List<Parameter> parameters();
}
