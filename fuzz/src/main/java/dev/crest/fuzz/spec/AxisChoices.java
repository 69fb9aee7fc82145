package dev.crest.fuzz.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the structural axis choices of an instance (reduce axes, squeeze axes, permutations), and how an axis
 * is spelled: ONNX accepts {@code axis - rank} for {@code axis} from opset 11, which exercises a different code
 * path in backends.
 */
final class AxisChoices {
    private AxisChoices() {
    }

    /** A random subset of {@code [0, rank)} with between {@code min} and {@code max} elements, sorted. */
    static List<Integer> subset(SplittableRandom random, int rank, int min, int max) {
        int size = random.nextInt(min, Math.min(max, rank) + 1);
        List<Integer> all = permutation(random, rank);
        List<Integer> chosen = new ArrayList<>(all.subList(0, size));
        chosen.sort(null);
        return chosen;
    }

    /** A uniformly random permutation of {@code [0, n)}. */
    static List<Integer> permutation(SplittableRandom random, int n) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = values.get(i);
            values.set(i, values.get(j));
            values.set(j, t);
        }
        return values;
    }

    /** Axis {@code axis} of a rank-{@code rank} tensor, spelled negatively half the time where the opset allows. */
    static long spell(SplittableRandom random, int axis, int rank, int opset) {
        return opset >= 11 && random.nextBoolean() ? axis - rank : axis;
    }

    /** Each axis spelled as by {@link #spell}. */
    static long[] spell(SplittableRandom random, List<Integer> axes, int rank, int opset) {
        long[] out = new long[axes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = spell(random, axes.get(i), rank, opset);
        }
        return out;
    }
}
