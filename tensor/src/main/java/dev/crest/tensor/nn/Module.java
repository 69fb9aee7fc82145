package dev.crest.tensor.nn;

import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainable building block of a network: it maps an input {@link Variable} to an output recorded on a
 * {@link Tape}, so that the tape can later differentiate through it, and it exposes the {@link Parameter}s an
 * optimizer updates. Modules start in training mode; {@link #eval()} switches layers such as {@link Dropout}
 * to their inference behaviour.
 */
public interface Module {
    /** Computes this module's output for {@code input}, recording the operations on {@code tape}. */
    Variable forward(Tape tape, Variable input);

    /** The trainable parameters, in a stable order (empty for parameter-free layers). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** The parameters keyed by a name that is unique within this module (e.g. {@code 0.weight}). */
    default Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (Parameter p : parameters()) {
            named.put(p.name(), p);
        }
        return named;
    }

    /** Switches between training ({@code true}) and inference behaviour; a no-op for most layers. */
    default void setTraining(boolean training) {
    }

    /** Switches to training mode and returns this module. */
    default Module train() {
        setTraining(true);
        return this;
    }

    /** Switches to inference mode and returns this module. */
    default Module eval() {
        setTraining(false);
        return this;
    }
}
