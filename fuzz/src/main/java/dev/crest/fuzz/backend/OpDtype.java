package dev.crest.fuzz.backend;

import dev.crest.tensor.DType;
import java.util.Objects;

/**
 * One operator × dtype combination a backend may or may not support.
 *
 * @param opType the ONNX operator type, such as {@code Cos}
 * @param dtype the element type of the operator's (first) input
 */
public record OpDtype(String opType, DType dtype) {
    public OpDtype {
        Objects.requireNonNull(opType);
        Objects.requireNonNull(dtype);
    }

    @Override
    public String toString() {
        return opType + "(" + dtype.displayName() + ")";
    }
}
