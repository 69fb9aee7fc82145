package dev.crest.fuzz.diff;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.Map;
import java.util.Set;

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
     * when both have the same sign; a missing output, or a different dtype or shape, is a disagreement. Float16
     * outputs are compared with the tolerance's float16 pair.
     */
    public static Comparison of(Map<String, Tensor> actual, Map<String, Tensor> expected, Tolerance tolerance) {
        return of(actual, expected, tolerance, Set.of());
    }

    /**
     * As {@link #of(Map, Map, Tolerance)}, also comparing the outputs named in {@code float16Computed} (see
     * {@link HalfPrecisionValues}) with the float16 pair.
     */
    public static Comparison of(Map<String, Tensor> actual, Map<String, Tensor> expected, Tolerance tolerance,
            Set<String> float16Computed) {
        return compare(actual, expected, Map.of(), tolerance, float16Computed);
    }

    /**
     * As {@link #of(Map, Map, Tolerance, Set)}, but only at the elements where {@code reference} (the oracle's value
     * of the same name, when it has one) is finite: where the oracle itself overflowed or left the domain, any two
     * answers are equally right, so only the other elements can show a divergence.
     */
    public static Comparison whereReferenceFinite(Map<String, Tensor> actual, Map<String, Tensor> expected,
            Map<String, Tensor> reference, Tolerance tolerance, Set<String> float16Computed) {
        return compare(actual, expected, reference, tolerance, float16Computed);
    }

    private static Comparison compare(Map<String, Tensor> actual, Map<String, Tensor> expected,
            Map<String, Tensor> reference, Tolerance tolerance, Set<String> float16Computed) {
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
            Tensor mask = reference.get(name);
            if (mask != null && !mask.shape().equals(want.shape())) {
                mask = null;
            }
            Closeness rule = tolerance.closeness(want.dtype() == DType.FLOAT16
                    || float16Computed.contains(name));
            for (int i = 0; i < want.size(); i++) {
                if (mask != null && !Double.isFinite(mask.getDouble(i))) {
                    continue;
                }
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

    /** Whether a floating-point tensor holds NaN or an infinity (never for integer and boolean tensors). */
    public static boolean hasNonFinite(Tensor t) {
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
