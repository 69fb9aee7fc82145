package dev.crest.ame.estimate;

/**
 * Which knockoff threshold to use: plain Knockoff controls a modified FDR and has more power when few points
 * matter; Knockoff+ controls the FDR itself (Barber &amp; Candès 2015) at the cost of power.
 */
public enum KnockoffVariant {
    /** Threshold without the +1 in the false-discovery estimate (controls the modified FDR). */
    KNOCKOFF(0),
    /** Threshold with the +1 in the false-discovery estimate (controls the FDR). */
    KNOCKOFF_PLUS(1);

    private final int offset;

    KnockoffVariant(int offset) {
        this.offset = offset;
    }

    /** The constant added to the count of negative statistics: 0 for Knockoff, 1 for Knockoff+. */
    public int offset() {
        return offset;
    }
}
