package dev.crest.netsim.sweep;

/** Receives a sweep's progress, e.g. to draw a progress bar; called from the sweep's worker threads, serialized. */
public interface SweepProgress {
    /** Does nothing. */
    SweepProgress NONE = new SweepProgress() {
    };

    /**
     * Before the first run.
     *
     * @param total every run in the grid
     * @param alreadyDone runs found in the CSV from an earlier invocation, which will not run again
     */
    default void started(long total, long alreadyDone) {
    }

    /** After each run's row is written. */
    default void finished(SweepPoint point, RunOutcome outcome) {
    }
}
