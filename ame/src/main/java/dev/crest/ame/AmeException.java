package dev.crest.ame;

/**
 * The AME tool's user-facing error: a bad design setting, an FDR level outside (0, 1), a query out of range.
 * Its message is written to be shown on a terminal as it is.
 */
public class AmeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AmeException(String message) {
        super(message);
    }

    public AmeException(String message, Throwable cause) {
        super(message, cause);
    }
}
