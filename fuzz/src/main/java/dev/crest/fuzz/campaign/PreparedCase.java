package dev.crest.fuzz.campaign;

import dev.crest.fuzz.diff.TestCase;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A model made ready for differential testing by a {@link CaseSource}: the test case (with reference outputs when
 * the reference interpreter could compute them), or why none could be made, with the time each step took.
 *
 * @param seed the model's seed
 * @param testCase the case, or empty when generation failed
 * @param failure why generation failed (empty when it did not)
 * @param searchSucceeded whether the input search found values keeping every intermediate finite
 * @param generateTime time spent generating the model (the solver's share included)
 * @param searchTime time spent searching inputs and computing reference outputs
 */
public record PreparedCase(long seed, Optional<TestCase> testCase, String failure, boolean searchSucceeded,
        Duration generateTime, Duration searchTime) {
    public PreparedCase {
        Objects.requireNonNull(testCase);
        Objects.requireNonNull(failure);
        Objects.requireNonNull(generateTime);
        Objects.requireNonNull(searchTime);
    }

    /** A prepared case. */
    public static PreparedCase of(long seed, TestCase testCase, boolean searchSucceeded, Duration generateTime,
            Duration searchTime) {
        return new PreparedCase(seed, Optional.of(testCase), "", searchSucceeded, generateTime, searchTime);
    }

    /** A seed for which no model could be generated. */
    public static PreparedCase failed(long seed, String failure, Duration generateTime) {
        return new PreparedCase(seed, Optional.empty(), failure, false, generateTime, Duration.ZERO);
    }
}
