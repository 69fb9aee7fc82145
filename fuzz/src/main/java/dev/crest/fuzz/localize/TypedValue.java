package dev.crest.fuzz.localize;

import dev.crest.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A value read or written by the localized node: its name, dtype and shape (null when the shape is not known,
 * e.g. for a node named by an error message whose model declares no shapes).
 *
 * @param name the value's name in the model
 * @param dtype the dtype's name ({@code float32}, …)
 * @param shape the dimensions, or null when unknown
 */
public record TypedValue(String name, String dtype, List<Integer> shape) {
    public TypedValue {
        Objects.requireNonNull(name);
        Objects.requireNonNull(dtype);
        shape = shape == null ? null : List.copyOf(shape);
    }

    /** The name, dtype and shape of {@code value}. */
    static TypedValue of(String name, Tensor value) {
        return new TypedValue(name, value.dtype().displayName(),
                Arrays.stream(value.shape().dims()).boxed().toList());
    }

    /** {@code float32[2, 3]}, or {@code float32[?]} when the shape is unknown. */
    public String type() {
        return dtype + (shape == null ? "[?]" : shape.toString());
    }
}
