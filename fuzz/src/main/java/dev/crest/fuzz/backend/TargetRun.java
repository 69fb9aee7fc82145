package dev.crest.fuzz.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * One backend run a campaign compares with the reference; an optimized run names its unoptimized baseline, so
 * that when it disagrees with the reference the tester can tell an optimization bug from a backend-wide one.
 *
 * @param backend the backend's registered name
 * @param baseline the same engine without optimizations, when this run is the optimized one
 */
public record TargetRun(String backend, Optional<String> baseline) {
    public TargetRun {
        Objects.requireNonNull(backend);
        Objects.requireNonNull(baseline);
    }

    /** An unpaired run. */
    public static TargetRun of(String backend) {
        return new TargetRun(backend, Optional.empty());
    }

    /** An optimized run paired with its unoptimized baseline. */
    public static TargetRun optimized(String backend, String baseline) {
        return new TargetRun(backend, Optional.of(baseline));
    }
}
