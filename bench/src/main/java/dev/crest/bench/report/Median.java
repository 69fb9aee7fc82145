package dev.crest.bench.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * The median of repeated measurements: the suite's summary of each side, since on a shared machine a burst of
 * other work inflates some rounds and the median ignores them where a mean would not.
 */
public final class Median {
    private Median() {
    }

    /** The middle value, or the mean of the two middle values for an even count. */
    public static double of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
