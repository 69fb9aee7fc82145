package dev.crest.fuzz.backend;

import dev.crest.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What happened when one backend compiled and ran one model: its outputs, or the stage at which it threw, died
 * or hung, with the error message and whatever the process logged.
 *
 * @param backend the backend's registered name
 * @param version the backend's version, or empty when the process died before saying
 * @param status how the run ended
 * @param stage the stage reached (for a failure, the stage that failed)
 * @param outputs the outputs by name when {@code status} is {@link Status#OK}, otherwise empty
 * @param message a one-line error message, empty on success
 * @param errorLog the error output of the run (stack trace, the worker's stderr), empty when there is none
 */
public record RunOutcome(String backend, String version, Status status, Stage stage, Map<String, Tensor> outputs,
        String message, String errorLog) {
    /** How a backend run ended. */
    public enum Status {
        OK, EXCEPTION, CRASH, TIMEOUT
    }

    public RunOutcome {
        Objects.requireNonNull(backend);
        Objects.requireNonNull(version);
        Objects.requireNonNull(status);
        Objects.requireNonNull(stage);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        Objects.requireNonNull(message);
        Objects.requireNonNull(errorLog);
    }

    /** A successful run. */
    public static RunOutcome ok(String backend, String version, Map<String, Tensor> outputs) {
        return new RunOutcome(backend, version, Status.OK, Stage.EXECUTE, outputs, "", "");
    }

    /** A failed run. */
    public static RunOutcome failed(String backend, String version, Status status, Stage stage, String message,
            String errorLog) {
        if (status == Status.OK) {
            throw new IllegalArgumentException("a failed run needs a failure status");
        }
        return new RunOutcome(backend, version, status, stage, Map.of(), message, errorLog);
    }

    /** True when the backend produced outputs. */
    public boolean succeeded() {
        return status == Status.OK;
    }
}
