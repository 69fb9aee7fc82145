package dev.crest.spark;

/**
 * A problem with running a job on Spark that the user can act on: an unreachable master, an executor that
 * cannot run Crest's code, or a task that ran longer than allowed. The message names the cause in one line.
 */
public final class SparkEngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SparkEngineException(String message) {
        super(message);
    }

    public SparkEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
