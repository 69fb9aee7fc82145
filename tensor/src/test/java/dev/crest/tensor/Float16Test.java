package dev.crest.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class Float16Test {
    /**
     * Independent decoder: a finite half with exponent field e and mantissa m is m·2^−24 when e = 0, otherwise
     * (1024 + m)·2^(e−25), computed with exact power-of-two scaling.
     */
    private static double referenceDecode(int bits) {
        int e = (bits >>> 10) & 0x1f;
        int m = bits & 0x3ff;
        double magnitude = e == 0 ? Math.scalb((double) m, -24) : Math.scalb((double) (1024 + m), e - 25);
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    /** Every non-negative finite half value, ascending; index i holds the value whose bit pattern is i. */
    private static final double[] POSITIVE_FINITE = new double[0x7c00];

    static {
        for (int bits = 0; bits < 0x7c00; bits++) {
            POSITIVE_FINITE[bits] = referenceDecode(bits);
        }
    }

    /**
     * Independent encoder: binary search among all finite halves for the nearest, ties to the even bit
     * pattern; magnitudes at or beyond 65520 (half an ulp above 65504) become infinity.
     */
    private static int referenceEncode(double value) {
        int sign = (Double.doubleToRawLongBits(value) < 0) ? 0x8000 : 0;
        double a = Math.abs(value);
        if (a >= 65520.0) {
            return sign | 0x7c00;
        }
        int pos = Arrays.binarySearch(POSITIVE_FINITE, a);
        if (pos >= 0) {
            return sign | pos;
        }
        int upper = -pos - 1;
        int lower = upper - 1;
        double below = a - POSITIVE_FINITE[lower];
        double above = POSITIVE_FINITE[upper] - a;
        int chosen;
        if (below < above) {
            chosen = lower;
        } else if (above < below) {
            chosen = upper;
        } else {
            chosen = (lower & 1) == 0 ? lower : upper;
        }
        return sign | chosen;
    }

    @Test
    void everyFiniteBitPatternDecodesAsTheReferenceAndEncodesBack() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            if (((bits >>> 10) & 0x1f) == 0x1f) {
                continue;
            }
            double value = Float16.fromBits((short) bits);
            assertThat(Double.doubleToRawLongBits(value))
                    .as("decode %04x", bits)
                    .isEqualTo(Double.doubleToRawLongBits(referenceDecode(bits)));
            assertThat(Float16.toBits(value) & 0xffff).as("encode %04x", bits).isEqualTo(bits);
        }
    }

    @Test
    void midpointsBetweenNeighboursRoundToTheEvenPatternAndNeighboursOfMidpointsToTheNearest() {
        // Covers subnormals, the subnormal/normal boundary and every binade.
        for (int bits = 0; bits < 0x7bff; bits++) {
            double lo = POSITIVE_FINITE[bits];
            double hi = POSITIVE_FINITE[bits + 1];
            double mid = (lo + hi) / 2; // exact: halves have 11 significant bits, doubles 53
            int even = (bits & 1) == 0 ? bits : bits + 1;
            assertThat(Float16.toBits(mid) & 0xffff).as("midpoint above %04x", bits).isEqualTo(even);
            assertThat(Float16.toBits(Math.nextDown(mid)) & 0xffff).isEqualTo(bits);
            assertThat(Float16.toBits(Math.nextUp(mid)) & 0xffff).isEqualTo(bits + 1);
            assertThat(Float16.toBits(-mid) & 0xffff).isEqualTo(0x8000 | even);
        }
    }

    @Test
    void overflowAndSpecialValues() {
        assertThat(Float16.toBits(65504.0)).isEqualTo((short) 0x7bff);
        assertThat(Float16.toBits(Math.nextDown(65520.0))).isEqualTo((short) 0x7bff);
        assertThat(Float16.toBits(65520.0)).isEqualTo((short) 0x7c00); // tie with an odd mantissa goes up
        assertThat(Float16.toBits(1e10)).isEqualTo((short) 0x7c00);
        assertThat(Float16.toBits(Double.POSITIVE_INFINITY)).isEqualTo((short) 0x7c00);
        assertThat(Float16.toBits(Double.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
        assertThat(Float16.toBits(-70000.0)).isEqualTo((short) 0xfc00);
        assertThat(Float16.round(65519.0)).isEqualTo(65504.0);
        assertThat(Float16.MAX_VALUE).isEqualTo(Float16.fromBits((short) 0x7bff));

        short nan = Float16.toBits(Double.NaN);
        assertThat((nan >>> 10) & 0x1f).isEqualTo(0x1f);
        assertThat(nan & 0x3ff).isNotZero();
        assertThat(Float16.fromBits(nan)).isNaN();
        assertThat(Float16.fromBits((short) 0x7c00)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Float16.fromBits((short) 0xfc00)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Float16.fromBits((short) 0x7c01)).isNaN();
    }

    @Test
    void subnormalsAndSignedZero() {
        double smallest = 0x1.0p-24;
        assertThat(Float16.toBits(smallest)).isEqualTo((short) 0x0001);
        assertThat(Float16.toBits(smallest / 2)).isEqualTo((short) 0x0000); // tie rounds to the even zero
        assertThat(Float16.toBits(Math.nextUp(smallest / 2))).isEqualTo((short) 0x0001);
        assertThat(Float16.toBits(smallest * 1.5)).isEqualTo((short) 0x0002); // tie between 1 and 2 → 2
        assertThat(Float16.toBits(smallest * 2.5)).isEqualTo((short) 0x0002); // tie between 2 and 3 → 2
        assertThat(Float16.toBits(0x1.ff8p-15)).isEqualTo((short) 0x03ff); // largest subnormal, 1023·2^−24
        assertThat(Float16.toBits(0x1.0p-14)).isEqualTo((short) 0x0400); // smallest normal
        assertThat(Float16.toBits(0x1.ffcp-15)).isEqualTo((short) 0x0400); // tie: odd 0x3ff loses to 0x400
        assertThat(Float16.toBits(-0.0)).isEqualTo((short) 0x8000);
        assertThat(Float16.toBits(-1e-30)).isEqualTo((short) 0x8000);
        assertThat(Double.doubleToRawLongBits(Float16.round(-1e-30)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Float16.round(0.1)).isEqualTo(0.0999755859375); // 1638/16384: 0.1·2^14 = 1638.4
        assertThat(Float16.round(1.0 + 0x1.0p-11)).isEqualTo(1.0); // tie at 1 + half an ulp → even (1.0)
        assertThat(Float16.round(1.0 + 3 * 0x1.0p-11)).isEqualTo(1.0 + 0x1.0p-9); // tie → even mantissa 2
    }

    @Property(tries = 300)
    void roundingMatchesTheReference(@ForAll("doublesNearHalfRange") double value) {
        assertThat(Float16.toBits(value) & 0xffff).isEqualTo(referenceEncode(value));
    }

    /** Doubles with full 52-bit fractions and binary exponents from −30 (below subnormals) to 17 (overflow). */
    @Provide
    Arbitrary<Double> doublesNearHalfRange() {
        Arbitrary<Long> fractions = Arbitraries.longs().between(0, (1L << 52) - 1);
        Arbitrary<Integer> exponents = Arbitraries.integers().between(-30, 17);
        Arbitrary<Boolean> negative = Arbitraries.of(true, false);
        return Combinators.combine(fractions, exponents, negative).as((fraction, exponent, minus) -> {
            double magnitude = Math.scalb(1.0 + fraction * 0x1.0p-52, exponent);
            return minus ? -magnitude : magnitude;
        });
    }
}
