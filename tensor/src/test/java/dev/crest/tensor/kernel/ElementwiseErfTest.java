package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.tensor.Closeness;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ElementwiseErfTest {
    private static final Closeness TIGHT = new Closeness(0, 1e-14);

    @Test
    void erfMatchesTabulatedValues() {
        // Values from standard tables (e.g. Abramowitz & Stegun Table 7.1), to 16 digits.
        double[][] table = {
            {0.5, 0.5204998778130465},
            {1.0, 0.8427007929497149},
            {2.0, 0.9953222650189527},
            {3.0, 0.9999779095030014},
        };
        for (double[] row : table) {
            assertThat(TIGHT.test(ActivationErf.erf(row[0]), row[1])).as("erf(%s)", row[0]).isTrue();
            assertThat(TIGHT.test(ActivationErf.erf(-row[0]), -row[1])).as("erf(-%s)", row[0]).isTrue();
        }
        assertThat(ActivationErf.erf(0.0)).isZero();
        assertThat(ActivationErf.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(ActivationErf.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(ActivationErf.erf(Double.NaN)).isNaN();
    }

    @Test
    void erfcKeepsItsTailAccurate() {
        double[][] table = {
            {1.5, 0.033894853524689274},
            {3.0, 2.2090496998585438e-05},
            {5.0, 1.5374597944280351e-12},
            {10.0, 2.088487583762545e-45},
            {-1.0, 1.842700792949715},
        };
        for (double[] row : table) {
            assertThat(TIGHT.test(ActivationErf.erfc(row[0]), row[1])).as("erfc(%s)", row[0]).isTrue();
        }
        assertThat(ActivationErf.erfc(30.0)).isZero(); // e^−900 underflows
        assertThat(ActivationErf.erfc(Double.POSITIVE_INFINITY)).isZero();
        assertThat(ActivationErf.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
        assertThat(ActivationErf.erfc(Double.NaN)).isNaN();
    }

    @Property(tries = 100)
    void erfAndErfcAreComplementaryAndOdd(@ForAll @DoubleRange(min = -6, max = 6) double x) {
        assertThat(ActivationErf.erf(x) + ActivationErf.erfc(x)).isCloseTo(1.0, within(1.5e-15));
        assertThat(ActivationErf.erf(-x)).isEqualTo(-ActivationErf.erf(x));
    }

    @Property(tries = 100)
    void derivativeIsTheGaussian(@ForAll @DoubleRange(min = -4, max = 4) double x) {
        // Central difference of erf against d/dx erf = 2/√π·e^(−x²), an independent description of erf.
        double h = 1e-5;
        double slope = (ActivationErf.erf(x + h) - ActivationErf.erf(x - h)) / (2 * h);
        assertThat(slope).isCloseTo(2 / Math.sqrt(Math.PI) * Math.exp(-x * x), within(1e-9));
    }
}
