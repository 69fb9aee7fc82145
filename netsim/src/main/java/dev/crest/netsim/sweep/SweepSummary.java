package dev.crest.netsim.sweep;

/**
 * How a sweep invocation went.
 *
 * @param total runs in the grid
 * @param alreadyDone runs found in the CSV and not repeated
 * @param finished runs simulated now
 * @param skipped runs that could not be simulated with their settings (recorded with the reason)
 */
public record SweepSummary(long total, long alreadyDone, long finished, long skipped) {
}
