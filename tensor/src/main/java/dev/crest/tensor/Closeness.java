package dev.crest.tensor;

/**
 * NumPy's closeness rule for comparing tensors: {@code |a − e| ≤ atol + rtol·|e|} element-wise, with NaN
 * equal only to NaN and infinities equal only to the same infinity.
 */
public record Closeness(double atol, double rtol) {
    public Closeness {
        if (!(atol >= 0) || !(rtol >= 0)) {
            throw new TensorException("tolerances must be non-negative, got atol=" + atol + " rtol=" + rtol);
        }
    }

    /** True when {@code actual} is close to {@code expected} under this rule. */
    public boolean test(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.isNaN(actual) && Double.isNaN(expected);
        }
        if (Double.isInfinite(actual) || Double.isInfinite(expected)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }

    /**
     * The flat index of the first element where the tensors differ, or -1 when shapes match and every element
     * is close. A shape mismatch reports index 0 (or -2 when both are empty), so callers compare shapes first
     * when they need to tell the cases apart.
     */
    public int firstMismatch(Tensor actual, Tensor expected) {
        if (!actual.shape().equals(expected.shape())) {
            return actual.size() == 0 && expected.size() == 0 ? -2 : 0;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!test(actual.getDouble(i), expected.getDouble(i))) {
                return i;
            }
        }
        return -1;
    }

    /** True when shapes are equal and every element is close. */
    public boolean allClose(Tensor actual, Tensor expected) {
        return firstMismatch(actual, expected) == -1;
    }
}
