package dev.crest.fuzz.campaign;

import java.util.Locale;

/** Why a campaign ended: it tested its model count, used up its time budget, or was asked to stop. */
public enum StopReason {
    MAX_MODELS, TIME, INTERRUPTED;

    /** The label used in {@code summary.json} ({@code max-models}, {@code time}, {@code interrupted}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
