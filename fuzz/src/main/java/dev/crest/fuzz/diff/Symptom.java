package dev.crest.fuzz.diff;

import java.util.Locale;

/**
 * How a finding showed itself: the worker process died, a backend threw, a backend did not answer in time, or
 * backends disagree on the outputs.
 */
public enum Symptom {
    CRASH, EXCEPTION, TIMEOUT, INCONSISTENCY;

    /** The lower-case name used in finding directories and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
