package dev.crest.tensor.kernel;

/**
 * The error function and its complement in float64, for Gelu (Java 17 has neither). Accurate to a few units
 * in the last place of a double, including the tiny tail of {@code erfc}, which Gelu needs for large negative
 * inputs where {@code 1 + erf(x)} would cancel to zero.
 *
 * <p>Method (Abramowitz &amp; Stegun 7.1.6 and 7.1.14): the series
 * {@code erf(x) = 2/√π · e^(−x²) · Σ 2ⁿx^(2n+1) / (1·3·…·(2n+1))}, whose terms are all positive so nothing
 * cancels, and the continued fraction {@code erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))},
 * evaluated with the modified Lentz algorithm. erf uses the series below 2.5 (where erf is at least 0.84);
 * erfc uses {@code 1 − series} below 1 (where erfc is at least 0.15) and the fraction above, which converges
 * in under 200 steps from 1 on.
 */
final class ActivationErf {
    private ActivationErf() {
    }

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    /** Below this magnitude erf sums the series. */
    private static final double ERF_SERIES_LIMIT = 2.5;
    /** Below this value erfc is {@code 1 − erf}; above it, the continued fraction. */
    private static final double ERFC_SERIES_LIMIT = 1.0;
    private static final double EPSILON = 0x1.0p-56;
    private static final int MAX_TERMS = 500;

    /** erf(x); NaN for NaN. */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double value = a < ERF_SERIES_LIMIT ? erfSeries(a) : 1.0 - erfcContinuedFraction(a);
        return Math.copySign(value, x);
    }

    /** erfc(x) = 1 − erf(x), without cancellation for large positive x; NaN for NaN. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 0) {
            return 1.0 + erf(-x);
        }
        return x < ERFC_SERIES_LIMIT ? 1.0 - erfSeries(x) : erfcContinuedFraction(x);
    }

    /** The series, for {@code 0 ≤ a < ERF_SERIES_LIMIT}. */
    private static double erfSeries(double a) {
        double twoASquared = 2 * a * a;
        double term = a;
        double sum = a;
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= twoASquared / (2 * n + 1);
            sum += term;
            if (term <= EPSILON * sum) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * StrictMath.exp(-a * a) * sum;
    }

    /**
     * The continued fraction, for {@code a ≥ ERFC_SERIES_LIMIT}: {@code b₀ = a}, partial numerators {@code k/2} and
     * denominators {@code a}, by the modified Lentz algorithm (Numerical Recipes §5.2).
     */
    private static double erfcContinuedFraction(double a) {
        if (Double.isInfinite(a)) {
            return 0.0;
        }
        double tiny = 1e-300;
        double f = a;
        double c = a;
        double d = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            double numerator = k / 2.0;
            d = a + numerator * d;
            if (d == 0) {
                d = tiny;
            }
            c = a + numerator / c;
            if (c == 0) {
                c = tiny;
            }
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) <= EPSILON) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI * StrictMath.exp(-a * a) / f;
    }
}
