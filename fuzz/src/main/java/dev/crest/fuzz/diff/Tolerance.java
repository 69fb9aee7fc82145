package dev.crest.fuzz.diff;

import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.Closeness;

/**
 * How close two backends' outputs must be to count as agreeing, by NumPy's rule {@code |a − e| ≤ atol + rtol·|e|}.
 * The defaults (rtol 1e-2, atol 1e-3) absorb the rounding differences between engines that compute float32 in
 * different orders while still catching wrong results.
 *
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 */
public record Tolerance(double rtol, double atol) {
    /** rtol 1e-2, atol 1e-3. */
    public static final Tolerance DEFAULT = new Tolerance(1e-2, 1e-3);

    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0) || Double.isInfinite(rtol) || Double.isInfinite(atol)) {
            throw new FuzzException("tolerances must be finite and non-negative, got rtol=" + rtol + " atol=" + atol);
        }
    }

    /** The element-wise rule. */
    public Closeness closeness() {
        return new Closeness(atol, rtol);
    }
}
