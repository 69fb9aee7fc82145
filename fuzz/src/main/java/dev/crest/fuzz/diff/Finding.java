package dev.crest.fuzz.diff;

import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.localize.Localization;
import java.util.Objects;
import java.util.Optional;

/**
 * One classified problem a test case revealed: its symptom, the stage, the backend responsible, the diverging
 * pair for an inconsistency with its errors, the message and log that explain it, and where in the model it was
 * localized (filled in by {@link DifferentialTester} through {@link dev.crest.fuzz.localize.Localizer}).
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
 * @param localization the node the finding was narrowed down to, or why not; empty when localization was not tried
 */
public record Finding(Symptom symptom, Stage stage, String backend, String backendVersion, Optional<DivergingPair> pair,
        double maxAbsError, double maxRelError, String message, String errorLog, Optional<Localization> localization) {
    public Finding {
        Objects.requireNonNull(symptom);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(backendVersion);
        Objects.requireNonNull(pair);
        Objects.requireNonNull(message);
        Objects.requireNonNull(errorLog);
        Objects.requireNonNull(localization);
        if ((symptom == Symptom.INCONSISTENCY) != pair.isPresent()) {
            throw new IllegalArgumentException("an inconsistency, and only an inconsistency, has a diverging pair");
        }
    }

    /** A finding not localized (yet). */
    public Finding(Symptom symptom, Stage stage, String backend, String backendVersion, Optional<DivergingPair> pair,
            double maxAbsError, double maxRelError, String message, String errorLog) {
        this(symptom, stage, backend, backendVersion, pair, maxAbsError, maxRelError, message, errorLog,
                Optional.empty());
    }

    /** This finding with {@code value} as its localization. */
    public Finding withLocalization(Localization value) {
        return new Finding(symptom, stage, backend, backendVersion, pair, maxAbsError, maxRelError, message, errorLog,
                Optional.of(value));
    }

    /** The operator and dtype an inconsistency was localized to ({@code Conv(float32)}), when it was. */
    public Optional<String> localizedOperator() {
        return symptom == Symptom.INCONSISTENCY
                ? localization.filter(Localization::localized).map(Localization::operatorWithDtype)
                : Optional.empty();
    }
}
