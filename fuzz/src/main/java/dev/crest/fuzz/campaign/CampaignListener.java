package dev.crest.fuzz.campaign;

/**
 * Hears what a running campaign does, for a progress display or a log; every method has an empty default.
 * Called from the campaign's pipeline threads, one call at a time, so an implementation need not be thread-safe.
 */
public interface CampaignListener {
    /** A note worth showing once, such as an operator excluded because a backend does not support it. */
    default void note(String message) {
    }

    /** The campaign starts testing. */
    default void started(CampaignSettings settings) {
    }

    /** One more model was tested (or failed to generate). */
    default void progress(CampaignProgress progress) {
    }

    /** A finding was recorded; {@code recorded.isNew()} tells a new bug from a repeat. */
    default void found(BugLedger.Recorded recorded) {
    }
}
