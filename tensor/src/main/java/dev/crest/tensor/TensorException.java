package dev.crest.tensor;

/**
 * The tensor engine's user-facing error: a shape mismatch, an unsupported dtype or operator, a bad attribute.
 * Its message is written to be shown on a terminal as it is.
 */
public class TensorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TensorException(String message) {
        super(message);
    }

    public TensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
