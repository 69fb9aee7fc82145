package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * ONNX integer division (truncation toward zero, as C++ and ONNX Runtime divide) from PyTorch kernels: DJL
 * exposes only true division, which turns integers into floats, and floor remainder. The quotient is exact for
 * every int64 value: the truncated remainder is taken off first so the division is exact, the float64 estimate
 * of the quotient is corrected once by an exactly computed residual, and divisors of magnitude one (whose
 * quotients may not fit a double-to-int64 conversion) multiply instead.
 */
final class IntegerDivision {
    private IntegerDivision() {
    }

    /** {@code a / b} truncated toward zero, as int64 (the caller casts to the node's dtype). */
    static NDArray truncate(NDArray a, NDArray b) {
        NDArray x = a.toType(DataType.INT64, false);
        NDArray y = b.toType(DataType.INT64, false);
        NDArray floorRemainder = x.mod(y);
        // The floor remainder has the divisor's sign, the truncated one the dividend's.
        NDArray signsDiffer = floorRemainder.neq(0).logicalAnd(floorRemainder.lt(0).logicalXor(x.lt(0)));
        NDArray truncatedRemainder = Where.of(signsDiffer, floorRemainder.sub(y), floorRemainder);
        NDArray exact = x.sub(truncatedRemainder);
        NDArray estimate = quotientEstimate(exact, y);
        NDArray residual = exact.sub(estimate.mul(y));
        NDArray corrected = estimate.add(quotientEstimate(residual, y));
        NDArray unit = y.abs().eq(1);
        return Where.of(unit, exact.mul(y), corrected);
    }

    /** The float64 quotient rounded to int64; divisors of magnitude one are replaced so nothing overflows. */
    private static NDArray quotientEstimate(NDArray exact, NDArray divisor) {
        NDArray safeDivisor = Where.of(divisor.abs().eq(1), divisor.mul(2), divisor);
        return exact.toType(DataType.FLOAT64, false).div(safeDivisor.toType(DataType.FLOAT64, false)).round()
                .toType(DataType.INT64, false);
    }
}
