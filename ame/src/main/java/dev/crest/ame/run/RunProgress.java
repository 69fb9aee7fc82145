package dev.crest.ame.run;

/**
 * A snapshot of a run for a progress bar: submodels finished in this session out of those it has to train, and
 * the time elapsed since it started; rate and ETA derive from them.
 */
public record RunProgress(int done, int total, int failed, long elapsedNanos) {
    /** Submodels per second so far (0 before the first one finishes). */
    public double submodelsPerSecond() {
        return elapsedNanos <= 0 ? 0 : done * 1e9 / elapsedNanos;
    }

    /** Estimated seconds until the remaining submodels finish at the current rate (infinite before any finish). */
    public double etaSeconds() {
        double rate = submodelsPerSecond();
        return rate == 0 ? Double.POSITIVE_INFINITY : (total - done - failed) / rate;
    }
}
