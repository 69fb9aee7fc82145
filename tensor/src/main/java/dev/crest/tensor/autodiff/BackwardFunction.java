package dev.crest.tensor.autodiff;

import dev.crest.tensor.Tensor;

/**
 * The backward pass of an operation recorded with {@link Tape#custom}: maps the gradient of its output to one
 * gradient per input, in input order, with {@code null} for an input that needs none.
 */
@FunctionalInterface
public interface BackwardFunction {
    Tensor[] apply(Tensor outputGradient);
}
