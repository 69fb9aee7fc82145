package dev.crest.bench;

/** A benchmark could not run for a reason the user can fix (a missing baseline tool, data set or library). */
public class BenchException extends RuntimeException {
    /** An error with a one-line message saying what to do. */
    public BenchException(String message) {
        super(message);
    }

    /** An error with a one-line message and its cause. */
    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
