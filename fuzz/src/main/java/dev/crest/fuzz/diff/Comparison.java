package dev.crest.fuzz.diff;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * The result of comparing one backend's outputs ({@code actual}) with another's ({@code expected}) output by
 * output: whether they agree, the first disagreement in words, and the largest absolute and relative errors over
 * the elements where both sides are finite.
 *
 * @param agrees true when every output has the same dtype and shape and every element is close
 * @param detail the first disagreement ("output 'y' element 3: 1.5 vs 2.0"), empty when they agree
 * @param maxAbsError the largest {@code |a − e|} over finite pairs (0 when there are none)
 * @param maxRelError the largest {@code |a − e| / |e|} over finite pairs with {@code e ≠ 0}
 * @param expectedNonFinite true when some expected output holds NaN or an infinity
 */
public record Comparison(boolean agrees, String detail, double maxAbsError, double maxRelError,
        boolean expectedNonFinite) {

    /**
     * Compares outputs under {@code tolerance}: NaN positions agree only when both sides are NaN, infinities only
     * when both have the same sign; a missing output, or a different dtype or shape, is a disagreement.
     */
    public static Comparison of(Map<String, Tensor> actual, Map<String, Tensor> expected, Tolerance tolerance) {
        Closeness rule = tolerance.closeness();
        String detail = "";
        double maxAbs = 0;
        double maxRel = 0;
        boolean nonFinite = false;
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            String name = e.getKey();
            Tensor want = e.getValue();
            Tensor got = actual.get(name);
            nonFinite |= hasNonFinite(want);
            if (got == null) {
                detail = first(detail, "output '" + name + "' is missing");
                continue;
            }
            if (got.dtype() != want.dtype()) {
                detail = first(detail, "output '" + name + "' has dtype " + got.dtype() + " instead of " + want.dtype());
                continue;
            }
            if (!got.shape().equals(want.shape())) {
                detail = first(detail, "output '" + name + "' has shape " + got.shape() + " instead of " + want.shape());
                continue;
            }
            for (int i = 0; i < want.size(); i++) {
                double a = got.getDouble(i);
                double x = want.getDouble(i);
                if (Double.isFinite(a) && Double.isFinite(x)) {
                    double abs = Math.abs(a - x);
                    maxAbs = Math.max(maxAbs, abs);
                    if (x != 0) {
                        maxRel = Math.max(maxRel, abs / Math.abs(x));
                    }
                }
                if (!rule.test(a, x)) {
                    detail = first(detail, "output '" + name + "' element " + i + ": " + a + " vs " + x);
                }
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                detail = first(detail, "unexpected output '" + name + "'");
            }
        }
        return new Comparison(detail.isEmpty(), detail, maxAbs, maxRel, nonFinite);
    }

    private static String first(String current, String candidate) {
        return current.isEmpty() ? candidate : current;
    }

    private static boolean hasNonFinite(Tensor t) {
        if (!t.dtype().isFloat()) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.getDouble(i))) {
                return true;
            }
        }
        return false;
    }
}
