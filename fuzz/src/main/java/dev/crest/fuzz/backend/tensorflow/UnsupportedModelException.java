package dev.crest.fuzz.backend.tensorflow;

/**
 * Thrown at compile time for an operator, attribute value or dtype the ONNX-to-TensorFlow translation does not
 * cover; the capability probe sees it as a rejected combination and keeps it out of TensorFlow campaigns.
 */
public final class UnsupportedModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message naming what is not translated. */
    public UnsupportedModelException(String message) {
        super(message);
    }
}
