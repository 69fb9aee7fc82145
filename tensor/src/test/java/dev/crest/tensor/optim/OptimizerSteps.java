package dev.crest.tensor.optim;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.nn.Parameter;

/** Produces {@link Gradients} in which a parameter has exactly a chosen gradient, for hand-computed steps. */
final class OptimizerSteps {
    private OptimizerSteps() {
    }

    /** Gradients of Σ g·w, whose gradient with respect to w is g. */
    static Gradients withGradient(Parameter p, float... g) {
        Tape tape = new Tape();
        Variable w = p.on(tape);
        Tensor gradient = Tensor.ofFloats(p.value().shape(), g);
        Variable loss = tape.custom(Tensor.ofFloats(Shape.scalar(), 0f), seed -> new Tensor[] {gradient}, w);
        return tape.backward(loss);
    }
}
