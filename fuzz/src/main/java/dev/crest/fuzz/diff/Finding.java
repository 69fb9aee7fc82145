package dev.crest.fuzz.diff;

import dev.crest.fuzz.backend.Stage;
import java.util.Objects;
import java.util.Optional;

/**
 * One classified problem a test case revealed: its symptom, the stage, the backend responsible, the diverging
 * pair for an inconsistency with its errors, and the message and log that explain it.
 *
 * @param symptom crash, exception, timeout or inconsistency
 * @param stage compile, execute or verify (inconsistencies are always found at verify)
 * @param backend the backend that failed or disagreed
 * @param backendVersion its version
 * @param pair the runs that disagree, for an inconsistency
 * @param maxAbsError the largest absolute error between the pair (0 when not an inconsistency)
 * @param maxRelError the largest relative error between the pair (0 when not an inconsistency)
 * @param message a one-line description
 * @param errorLog the stack trace or the worker's stderr (may be empty)
 */
public record Finding(Symptom symptom, Stage stage, String backend, String backendVersion, Optional<DivergingPair> pair,
        double maxAbsError, double maxRelError, String message, String errorLog) {
    public Finding {
        Objects.requireNonNull(symptom);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(backendVersion);
        Objects.requireNonNull(pair);
        Objects.requireNonNull(message);
        Objects.requireNonNull(errorLog);
        if ((symptom == Symptom.INCONSISTENCY) != pair.isPresent()) {
            throw new IllegalArgumentException("an inconsistency, and only an inconsistency, has a diverging pair");
        }
    }
}
