package dev.crest.fuzz.diff;

import java.util.Objects;

/**
 * The two runs that disagree in an inconsistency, and what that points at: an optimized run that disagrees
 * with its own unoptimized baseline points at an optimization pass; a backend that disagrees with the reference
 * (while its baseline agrees with itself, or it has none) needs triage, since either side may be wrong.
 *
 * @param actual the run under suspicion
 * @param expected the run it disagrees with
 * @param kind which kind of pair this is
 */
public record DivergingPair(String actual, String expected, Kind kind) {
    /** What a disagreement between the two runs points at. */
    public enum Kind {
        OPT_VS_NOOPT, BACKEND_VS_REFERENCE;

        /** The lower-case name used in JSON ({@code opt-vs-noopt}, {@code backend-vs-reference}). */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The kind for a label written by {@link #label()}. */
        public static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown pair kind '" + label + "'");
        }
    }

    public DivergingPair {
        Objects.requireNonNull(actual);
        Objects.requireNonNull(expected);
        Objects.requireNonNull(kind);
    }

    @Override
    public String toString() {
        return actual + " vs " + expected + " (" + kind.label() + ")";
    }
}
