package dev.crest.fuzz.reduce;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a reduction stands after one more attempt.
 *
 * @param phase what the reducer is doing
 * @param attempts candidates tested so far, this one included
 * @param accepted whether this candidate still showed the bug (and became the current best)
 * @param nodes the node count of the current best case
 * @param elements the input and initializer elements of the current best case
 * @param elapsed time since the reduction started
 */
public record ReductionProgress(Phase phase, int attempts, boolean accepted, int nodes, long elements,
        Duration elapsed) {
    /** The steps of a reduction, in order. */
    public enum Phase {
        /** Re-testing the finding as stored and as rebuilt, before changing anything. */
        REPRODUCE,
        /** Delta debugging over the nodes. */
        NODES,
        /** Shrinking the shapes of the inputs and weights. */
        SHAPES;

        /** The lower-case name used in text and JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
