package dev.crest.tensor.nn;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.Objects;

/**
 * A named, trainable tensor owned by a {@link Module}. Its value is replaced (never mutated in place) by an
 * optimizer step. During a forward pass the parameter is placed on the tape once per tape, so its gradient
 * can be read back from that tape's {@link Gradients}.
 */
public final class Parameter {
    private final String name;
    private Tensor value;
    private Tape boundTape;
    private Variable boundVariable;

    public Parameter(String name, Tensor value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String name() {
        return name;
    }

    /** The current value. */
    public Tensor value() {
        return value;
    }

    /** Replaces the value; the new one must keep the dtype and shape. */
    public void setValue(Tensor newValue) {
        if (newValue.dtype() != value.dtype() || !newValue.shape().equals(value.shape())) {
            throw new TensorException("parameter '" + name + "' is " + value.dtype().displayName() + value.shape()
                    + " and cannot take a " + newValue.dtype().displayName() + newValue.shape() + " value");
        }
        value = newValue;
        // The next forward pass must see the new value, so it gets a fresh variable even on the same tape.
        boundTape = null;
    }

    /**
     * This parameter as a variable on {@code tape}: created with {@link Tape#parameter} the first time the
     * parameter is used on that tape and reused afterwards, so a layer applied twice shares one gradient.
     */
    public Variable on(Tape tape) {
        if (tape != boundTape) {
            boundTape = tape;
            boundVariable = tape.parameter(value);
        }
        return boundVariable;
    }

    /**
     * This parameter's gradient in {@code gradients} (from the tape it was last placed on), or {@code null}
     * when it has never been placed on a tape.
     */
    public Tensor gradient(Gradients gradients) {
        return boundVariable == null ? null : gradients.get(boundVariable);
    }

    @Override
    public String toString() {
        return "Parameter " + name + " " + value.dtype().displayName() + value.shape();
    }
}
