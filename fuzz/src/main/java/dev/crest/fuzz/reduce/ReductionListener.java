package dev.crest.fuzz.reduce;

/**
 * Hears about each candidate the {@link Reducer} tests, to show progress (a terminal line, a campaign's status);
 * called on the reducing thread, so it should return quickly.
 */
@FunctionalInterface
public interface ReductionListener {
    /** A listener that ignores everything. */
    ReductionListener NONE = progress -> { };

    /** One more candidate was tested. */
    void attempted(ReductionProgress progress);
}
