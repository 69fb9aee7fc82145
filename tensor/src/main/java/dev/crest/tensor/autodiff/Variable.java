package dev.crest.tensor.autodiff;

import dev.crest.tensor.Tensor;

/**
 * A value recorded on a {@link Tape}: a leaf (parameter or constant) or the output of an operation. Only
 * variables that {@link #requiresGrad() require a gradient} take part in the backward pass.
 */
public final class Variable {
    private final Tape tape;
    private final Tensor value;
    private final boolean requiresGrad;

    Variable(Tape tape, Tensor value, boolean requiresGrad) {
        this.tape = tape;
        this.value = value;
        this.requiresGrad = requiresGrad;
    }

    public Tensor value() {
        return value;
    }

    /** True for parameters and for float outputs of differentiable operations on such variables. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    Tape tape() {
        return tape;
    }

    @Override
    public String toString() {
        return (requiresGrad ? "Variable(grad) " : "Variable ") + value;
    }
}
