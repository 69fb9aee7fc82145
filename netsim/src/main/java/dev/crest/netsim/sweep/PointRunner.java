package dev.crest.netsim.sweep;

/**
 * Runs one point of a sweep. Called concurrently from the sweep's worker threads, so implementations must not
 * share mutable state between calls.
 */
@FunctionalInterface
public interface PointRunner {
    /**
     * Simulates the point with the given seed; returns {@link RunOutcome#skipped} when the settings are valid but
     * this combination cannot run.
     */
    RunOutcome run(SweepPoint point, long seed);
}
