package dev.crest.fuzz;

/**
 * A problem the user can act on (bad option, unknown backend or operator, corrupted finding directory),
 * carrying a one-line message for the terminal; the CLI maps it to exit code 2.
 */
public class FuzzException extends RuntimeException {
    public FuzzException(String message) {
        super(message);
    }

    public FuzzException(String message, Throwable cause) {
        super(message, cause);
    }
}
