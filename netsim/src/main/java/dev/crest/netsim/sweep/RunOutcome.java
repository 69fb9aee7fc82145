package dev.crest.netsim.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a sweep produced: its measures (iteration time and breakdown, by CSV column), or the reason it
 * could not run (e.g. butterfly all-reduce at a worker count that is not a power of two).
 *
 * @param seed the seed the run was given
 * @param measures column name to value; empty when skipped
 * @param skipReason null when the run finished, else a one-line reason
 */
public record RunOutcome(long seed, Map<String, Double> measures, String skipReason) {
    public RunOutcome {
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** A finished run. */
    public static RunOutcome finished(long seed, Map<String, Double> measures) {
        return new RunOutcome(seed, measures, null);
    }

    /** A run that cannot be simulated with these settings. */
    public static RunOutcome skipped(long seed, String reason) {
        return new RunOutcome(seed, Map.of(), reason);
    }

    public boolean isSkipped() {
        return skipReason != null;
    }
}
