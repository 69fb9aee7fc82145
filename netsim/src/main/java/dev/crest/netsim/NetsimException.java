package dev.crest.netsim;

/**
 * The simulator's user-facing error: an unknown model or strategy, an impossible topology, a bad rate, a
 * malformed trace. Its message is written to be shown on a terminal as it is.
 */
public class NetsimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetsimException(String message) {
        super(message);
    }

    public NetsimException(String message, Throwable cause) {
        super(message, cause);
    }
}
