package dev.crest.fuzz.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.Closeness;

/**
 * How close two backends' outputs must be to count as agreeing, by NumPy's rule {@code |a − e| ≤ atol + rtol·|e|}.
 * The defaults (rtol 1e-2, atol 1e-3) absorb the rounding differences between engines that compute float32 in
 * different orders while still catching wrong results.
 *
 * <p>Values computed in float16 get their own, looser pair (default rtol 5e-2, atol 1e-2): float16 keeps 11
 * significant bits (unit roundoff 2<sup>−11</sup> ≈ 4.9e-4), every float16 operator rounds its result, and
 * engines differ in where they round (ONNX Runtime widens some float16 kernels to float32 internally, Crest's
 * reference rounds once per operator from float64), so a chain of ten float16 operators legitimately drifts by
 * tens of units in the last place, far more than float32's defaults allow. A value counts as float16-computed
 * when it, or any value it was computed from through operators, is float16 (see {@link HalfPrecisionValues}).
 *
 * <p>For the same reason a float16 result that is ±∞ or NaN where the reference is finite is tolerated when an
 * accumulator kept in float16 could overflow on the reference's inputs ({@link Float16AccumulationOverflow}),
 * unless {@code keepFloat16Overflow} asks to keep such divergences as findings.
 *
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 * @param float16Rtol relative tolerance for float16-computed values
 * @param float16Atol absolute tolerance for float16-computed values
 * @param keepFloat16Overflow true to report a float16 accumulation overflow as a finding instead of dropping it
 */
public record Tolerance(double rtol, double atol, double float16Rtol, double float16Atol,
        boolean keepFloat16Overflow) {
    /** The default relative tolerance for float16-computed values. */
    public static final double DEFAULT_FLOAT16_RTOL = 5e-2;
    /** The default absolute tolerance for float16-computed values. */
    public static final double DEFAULT_FLOAT16_ATOL = 1e-2;

    /** rtol 1e-2, atol 1e-3; for float16-computed values rtol 5e-2, atol 1e-2. */
    public static final Tolerance DEFAULT = new Tolerance(1e-2, 1e-3);

    public Tolerance {
        check(rtol, atol, "");
        check(float16Rtol, float16Atol, "float16 ");
    }

    /** {@code rtol} and {@code atol} for every value, float16-computed ones with the default float16 pair. */
    public Tolerance(double rtol, double atol) {
        this(rtol, atol, DEFAULT_FLOAT16_RTOL, DEFAULT_FLOAT16_ATOL);
    }

    /** The given pairs, float16 accumulation overflows dropped (the default). */
    public Tolerance(double rtol, double atol, double float16Rtol, double float16Atol) {
        this(rtol, atol, float16Rtol, float16Atol, false);
    }

    /** The same tolerance with another pair for float16-computed values. */
    public Tolerance withFloat16(double relative, double absolute) {
        return new Tolerance(rtol, atol, relative, absolute, keepFloat16Overflow);
    }

    /** The same tolerance, keeping float16 accumulation overflows as findings ({@code true}) or dropping them. */
    public Tolerance withKeepFloat16Overflow(boolean keep) {
        return new Tolerance(rtol, atol, float16Rtol, float16Atol, keep);
    }

    /**
     * A tolerance read from JSON; a {@code meta.json} written before float16 values had their own pair lacks it
     * and gets the defaults, and one written before float16 accumulation overflows were dropped lacks
     * {@code keepFloat16Overflow} and drops them.
     */
    @JsonCreator
    static Tolerance fromJson(@JsonProperty("rtol") double rtol, @JsonProperty("atol") double atol,
            @JsonProperty("float16Rtol") Double float16Rtol, @JsonProperty("float16Atol") Double float16Atol,
            @JsonProperty("keepFloat16Overflow") Boolean keepFloat16Overflow) {
        return new Tolerance(rtol, atol, float16Rtol == null ? DEFAULT_FLOAT16_RTOL : float16Rtol,
                float16Atol == null ? DEFAULT_FLOAT16_ATOL : float16Atol,
                keepFloat16Overflow != null && keepFloat16Overflow);
    }

    /** The element-wise rule for ordinary values. */
    public Closeness closeness() {
        return new Closeness(atol, rtol);
    }

    /** The element-wise rule for a value, the float16 pair when it was computed in float16. */
    public Closeness closeness(boolean float16Computed) {
        return float16Computed ? new Closeness(float16Atol, float16Rtol) : closeness();
    }

    private static void check(double r, double a, String which) {
        if (!(r >= 0) || !(a >= 0) || Double.isInfinite(r) || Double.isInfinite(a)) {
            throw new FuzzException(which + "tolerances must be finite and non-negative, got rtol=" + r + " atol=" + a);
        }
    }
}
