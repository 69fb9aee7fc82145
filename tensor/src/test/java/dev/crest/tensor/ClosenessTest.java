package dev.crest.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClosenessTest {
    private final Closeness rule = new Closeness(1e-3, 1e-2);

    @Test
    void toleranceGrowsWithTheExpectedValue() {
        assertThat(rule.test(1.0, 1.0)).isTrue();
        assertThat(rule.test(0.0, 1e-3)).isTrue(); // |a−e| = atol exactly
        assertThat(rule.test(0.0, 0.0011)).isFalse(); // 0.0011 > 0.001 + 0.01·0.0011
        assertThat(rule.test(101.0, 100.0)).isTrue(); // 1 ≤ 0.001 + 0.01·100
        assertThat(rule.test(101.5, 100.0)).isFalse();
        assertThat(rule.test(100.0, 101.5)).isFalse(); // rtol scales |expected|, not |actual|
        assertThat(rule.test(-101.0, -100.0)).isTrue();
    }

    @Test
    void nanAndInfinitiesOnlyMatchThemselves() {
        assertThat(rule.test(Double.NaN, Double.NaN)).isTrue();
        assertThat(rule.test(Double.NaN, 1.0)).isFalse();
        assertThat(rule.test(1.0, Double.NaN)).isFalse();
        assertThat(rule.test(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(rule.test(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(rule.test(Double.MAX_VALUE, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(new Closeness(Double.POSITIVE_INFINITY, 0).test(1.0, Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void tolerancesMustBeNonNegative() {
        assertThatThrownBy(() -> new Closeness(-1, 0)).isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> new Closeness(0, Double.NaN)).isInstanceOf(TensorException.class);
        assertThat(new Closeness(0, 0).test(0.1, 0.1)).isTrue();
    }

    @Test
    void tensorsCompareShapeThenElements() {
        Tensor expected = Tensor.ofDoubles(Shape.of(3), 1.0, 2.0, Double.NaN);
        assertThat(rule.firstMismatch(Tensor.ofDoubles(Shape.of(3), 1.0, 2.001, Double.NaN), expected))
                .isEqualTo(-1);
        assertThat(rule.allClose(Tensor.ofDoubles(Shape.of(3), 1.0, 2.001, Double.NaN), expected)).isTrue();
        assertThat(rule.firstMismatch(Tensor.ofDoubles(Shape.of(3), 1.0, 2.5, Double.NaN), expected)).isEqualTo(1);
        assertThat(rule.firstMismatch(Tensor.ofDoubles(Shape.of(3), 1.0, 2.0, 3.0), expected)).isEqualTo(2);
        assertThat(rule.firstMismatch(Tensor.ofDoubles(Shape.of(1, 3), 1.0, 2.0, Double.NaN), expected)).isZero();
        assertThat(rule.allClose(Tensor.ofDoubles(Shape.of(1, 3), 1.0, 2.0, Double.NaN), expected)).isFalse();
        assertThat(rule.firstMismatch(Tensor.zeros(DType.FLOAT32, Shape.of(0)),
                Tensor.zeros(DType.FLOAT32, Shape.of(0, 2)))).isEqualTo(-2);
        assertThat(rule.allClose(Tensor.zeros(DType.FLOAT32, Shape.of(0)), Tensor.zeros(DType.FLOAT32, Shape.of(0))))
                .isTrue();
    }
}
