package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static Map<String, Tensor> y(double... values) {
        return Map.of("y", Tensor.fromDoubles(DType.FLOAT64, Shape.of(values.length), values));
    }

    @Test
    void agreesWithinToleranceAndReportsTheLargestErrors() {
        // |1.005 − 1| = 0.005 ≤ 1e-3 + 1e-2·1 = 0.011; |−2.01 − (−2)| = 0.01 ≤ 0.021.
        Comparison c = Comparison.of(y(1.005, -2.01, 0), y(1, -2, 0), Tolerance.DEFAULT);

        assertThat(c.agrees()).isTrue();
        assertThat(c.detail()).isEmpty();
        assertThat(c.maxAbsError()).isCloseTo(0.01, within(1e-12));
        assertThat(c.maxRelError()).isCloseTo(0.005, within(1e-12));
        assertThat(c.expectedNonFinite()).isFalse();
    }

    @Test
    void disagreesBeyondToleranceNamingTheElement() {
        // 0.012 > 1e-3 + 1e-2·1 = 0.011.
        Comparison c = Comparison.of(y(0, 1.012), y(0, 1), Tolerance.DEFAULT);

        assertThat(c.agrees()).isFalse();
        assertThat(c.detail()).contains("'y'", "element 1", "1.012");
        assertThat(c.maxAbsError()).isCloseTo(0.012, within(1e-12));
    }

    @Test
    void toleranceIsConfigurable() {
        assertThat(Comparison.of(y(1.012), y(1), new Tolerance(0.05, 0)).agrees()).isTrue();
        assertThat(Comparison.of(y(1.0001), y(1), new Tolerance(0, 0)).agrees()).isFalse();
    }

    @Test
    void nanPositionsAgreeOnlyWhenBothSidesHaveThem() {
        assertThat(Comparison.of(y(Double.NaN, 1), y(Double.NaN, 1), Tolerance.DEFAULT).agrees()).isTrue();
        assertThat(Comparison.of(y(0, 1), y(Double.NaN, 1), Tolerance.DEFAULT).agrees()).isFalse();
        assertThat(Comparison.of(y(Double.NaN, 1), y(0, 1), Tolerance.DEFAULT).agrees()).isFalse();
        assertThat(Comparison.of(y(Double.NaN, 1), y(Double.NaN, 1), Tolerance.DEFAULT).expectedNonFinite()).isTrue();
    }

    @Test
    void infinitiesMustMatchInSign() {
        double inf = Double.POSITIVE_INFINITY;
        assertThat(Comparison.of(y(inf), y(inf), Tolerance.DEFAULT).agrees()).isTrue();
        assertThat(Comparison.of(y(-inf), y(inf), Tolerance.DEFAULT).agrees()).isFalse();
        assertThat(Comparison.of(y(1e308), y(inf), Tolerance.DEFAULT).agrees()).isFalse();
    }

    @Test
    void dtypeShapeOrNameMismatchIsADisagreement() {
        Map<String, Tensor> f32 = Map.of("y", Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {1, 2}));
        Map<String, Tensor> f64 = y(1, 2);
        Map<String, Tensor> matrix = Map.of("y", Tensor.fromDoubles(DType.FLOAT64, Shape.of(1, 2), new double[] {1, 2}));

        assertThat(Comparison.of(f32, f64, Tolerance.DEFAULT).detail()).contains("dtype");
        assertThat(Comparison.of(matrix, f64, Tolerance.DEFAULT).detail()).contains("shape");
        assertThat(Comparison.of(Map.of("z", f64.get("y")), f64, Tolerance.DEFAULT).detail()).contains("missing");
    }
}
