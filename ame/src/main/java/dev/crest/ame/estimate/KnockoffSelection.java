package dev.crest.ame.estimate;

import java.util.Arrays;

/**
 * The outcome of a knockoff filter: the data-dependent threshold T and the points whose statistic reached it.
 * T is {@link Double#POSITIVE_INFINITY} when no threshold meets the FDR target; nothing is selected then.
 *
 * @param threshold the threshold T
 * @param selected  the selected point indices, ascending
 */
public record KnockoffSelection(double threshold, int[] selected) {
    public KnockoffSelection {
        selected = selected.clone();
    }

    @Override
    public int[] selected() {
        return selected.clone();
    }

    /** Whether point {@code i} was selected. */
    public boolean isSelected(int i) {
        return Arrays.binarySearch(selected, i) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnockoffSelection s
                && Double.compare(s.threshold, threshold) == 0 && Arrays.equals(s.selected, selected);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(threshold) + Arrays.hashCode(selected);
    }

    @Override
    public String toString() {
        return "KnockoffSelection[threshold=" + threshold + ", selected=" + Arrays.toString(selected) + "]";
    }
}
