package dev.crest.tensor;

/**
 * IEEE 754 binary16 conversions. Java 17 has no {@code Float.floatToFloat16}, so the rounding is written here:
 * round-to-nearest-even from float64, with overflow to infinity and gradual underflow, as ONNX Runtime does.
 */
public final class Float16 {
    private Float16() {
    }

    /** Largest finite half-precision value. */
    public static final double MAX_VALUE = 65504.0;

    /** Encodes a double as half-precision bits, rounding once to nearest even. */
    public static short toBits(double value) {
        if (Double.isNaN(value)) {
            return (short) 0x7e00;
        }
        long doubleBits = Double.doubleToRawLongBits(value);
        int sign = (int) ((doubleBits >>> 48) & 0x8000);
        double magnitude = Math.abs(value);
        if (magnitude >= 65520.0) { // halfway between 65504 and the next (unrepresentable) step rounds to infinity
            return (short) (sign | 0x7c00);
        }
        if (magnitude < 0x1.0p-14) {
            // Subnormal (or zero): value = m * 2^-24 with integer m; Math.rint rounds half to even.
            int mantissa = (int) Math.rint(magnitude * 0x1.0p24);
            return (short) (sign | mantissa); // mantissa 1024 correctly becomes the smallest normal
        }
        int exponent = Math.getExponent(magnitude);
        double scaled = magnitude * Math.pow(2, -exponent); // in [1, 2)
        int mantissa = (int) Math.rint((scaled - 1.0) * 1024.0);
        if (mantissa == 1024) {
            mantissa = 0;
            exponent++;
        }
        if (exponent > 15) {
            return (short) (sign | 0x7c00);
        }
        return (short) (sign | ((exponent + 15) << 10) | mantissa);
    }

    /** Decodes half-precision bits. */
    public static double fromBits(short bits) {
        int h = bits & 0xffff;
        double sign = (h & 0x8000) != 0 ? -1.0 : 1.0; // a double, so that −1 · 0 is −0.0
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (exponent == 0) {
            return sign * mantissa * 0x1.0p-24;
        }
        return sign * (1.0 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
    }

    /** Rounds a double to the nearest half-precision value. */
    public static double round(double value) {
        return fromBits(toBits(value));
    }
}
