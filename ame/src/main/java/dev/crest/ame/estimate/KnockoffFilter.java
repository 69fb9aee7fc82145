package dev.crest.ame.estimate;

import dev.crest.ame.AmeException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The knockoff filter of Barber &amp; Candès: turns coefficients fitted on original and knockoff columns into
 * W statistics and selects the points whose W clears a threshold chosen to keep the false-discovery rate at q.
 */
public final class KnockoffFilter {
    private KnockoffFilter() {
    }

    /**
     * W statistics for points that help: Wᵢ = max(βᵢ, 0) − max(β̃ᵢ, 0). A large positive W means the original
     * column beat its knockoff copy; nulls are symmetric around zero.
     */
    public static double[] helpingStatistics(double[] original, double[] knockoff) {
        requireSameLength(original, knockoff);
        double[] w = new double[original.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(original[i], 0) - Math.max(knockoff[i], 0);
        }
        return w;
    }

    /**
     * W statistics for points that hurt (the two-sided variant's other side): the helping statistics of −β
     * and −β̃, so a point whose inclusion lowers the outcome more than its knockoff gets a large positive W.
     */
    public static double[] hurtingStatistics(double[] original, double[] knockoff) {
        requireSameLength(original, knockoff);
        double[] w = new double[original.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(-original[i], 0) - Math.max(-knockoff[i], 0);
        }
        return w;
    }

    /**
     * The threshold T = min{t &gt; 0 among the |Wᵢ| : (offset + #{W ≤ −t}) / max(1, #{W ≥ t}) ≤ q}, or
     * {@link Double#POSITIVE_INFINITY} when no t qualifies.
     *
     * @throws AmeException when q is not strictly between 0 and 1
     */
    public static double threshold(double[] w, double q, KnockoffVariant variant) {
        requireFdr(q);
        double[] positives = Arrays.stream(w).filter(x -> x > 0).sorted().toArray();
        double[] negativeMagnitudes = Arrays.stream(w).filter(x -> x < 0).map(x -> -x).sorted().toArray();
        double[] candidates = Arrays.stream(w).filter(x -> x != 0).map(Math::abs).sorted().distinct().toArray();
        for (double t : candidates) {
            int atLeast = positives.length - firstAtLeast(positives, t);
            int atMostMinus = negativeMagnitudes.length - firstAtLeast(negativeMagnitudes, t);
            if ((variant.offset() + atMostMinus) / (double) Math.max(1, atLeast) <= q) {
                return t;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Applies the threshold: the points with Wᵢ ≥ T. */
    public static KnockoffSelection select(double[] w, double q, KnockoffVariant variant) {
        double t = threshold(w, q, variant);
        int[] selected = IntStream.range(0, w.length).filter(i -> w[i] >= t).toArray();
        return new KnockoffSelection(t, selected);
    }

    /** Checks a user-given FDR level. */
    static void requireFdr(double q) {
        if (!(q > 0 && q < 1)) {
            throw new AmeException("FDR level q must be strictly between 0 and 1, got " + q);
        }
    }

    /** Index of the first element ≥ t in an ascending array (its length when none). */
    private static int firstAtLeast(double[] ascending, double t) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void requireSameLength(double[] original, double[] knockoff) {
        if (original.length != knockoff.length) {
            throw new IllegalArgumentException("original has " + original.length + " coefficients, knockoff has "
                    + knockoff.length);
        }
    }
}
