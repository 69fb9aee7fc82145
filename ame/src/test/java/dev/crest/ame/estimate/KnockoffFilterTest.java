package dev.crest.ame.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class KnockoffFilterTest {
    private static final double[] W = {3, 2, 1, -1};

    @Test
    void knockoffThresholdAcceptsOneNegativeAgainstThreePositives() {
        // t = 1: #{W ≤ −1} = 1, #{W ≥ 1} = 3, ratio 1/3 ≤ 0.5.
        KnockoffSelection s = KnockoffFilter.select(W, 0.5, KnockoffVariant.KNOCKOFF);
        assertThat(s.threshold()).isEqualTo(1.0);
        assertThat(s.selected()).containsExactly(0, 1, 2);
    }

    @Test
    void knockoffPlusNeedsAHigherThreshold() {
        // t = 1: (1 + 1)/3 > 0.5; t = 2: (1 + 0)/2 = 0.5 ≤ 0.5.
        KnockoffSelection s = KnockoffFilter.select(W, 0.5, KnockoffVariant.KNOCKOFF_PLUS);
        assertThat(s.threshold()).isEqualTo(2.0);
        assertThat(s.selected()).containsExactly(0, 1);
    }

    @Test
    void strictLevelSeparatesTheVariants() {
        // Knockoff: t = 2 gives 0/2. Knockoff+: 1/2 at t = 2 and 1/1 at t = 3, never ≤ 0.2.
        assertThat(KnockoffFilter.threshold(W, 0.2, KnockoffVariant.KNOCKOFF)).isEqualTo(2.0);
        KnockoffSelection plus = KnockoffFilter.select(W, 0.2, KnockoffVariant.KNOCKOFF_PLUS);
        assertThat(plus.threshold()).isInfinite();
        assertThat(plus.selected()).isEmpty();
    }

    @Test
    void knockoffPlusCanSelectWhenManyPointsClearlyMatter() {
        double[] w = new double[12];
        for (int i = 0; i < 10; i++) {
            w[i] = 10 + i;
        }
        w[10] = -1;
        w[11] = 0.5;
        // t = 10: (1 + 0)/10 = 0.1 ≤ 0.1; smaller t: t = 0.5 gives 2/11, t = 1 gives 2/10.
        KnockoffSelection s = KnockoffFilter.select(w, 0.1, KnockoffVariant.KNOCKOFF_PLUS);
        assertThat(s.threshold()).isEqualTo(10.0);
        assertThat(s.selected()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(s.isSelected(3)).isTrue();
        assertThat(s.isSelected(11)).isFalse();
    }

    @Test
    void allZeroStatisticsSelectNothing() {
        assertThat(KnockoffFilter.select(new double[5], 0.3, KnockoffVariant.KNOCKOFF).selected()).isEmpty();
    }

    @Test
    void statisticsCompareOriginalWithKnockoffOnEachSide() {
        double[] beta = {-2, 1, 0.5, 4};
        double[] knock = {0, -3, 1.5, 1};
        assertThat(KnockoffFilter.helpingStatistics(beta, knock)).containsExactly(0, 1, -1, 3);
        assertThat(KnockoffFilter.hurtingStatistics(beta, knock)).containsExactly(2, -3, 0, 0);
    }

    @Test
    void rejectsFdrOutsideTheOpenUnitInterval() {
        for (double q : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> KnockoffFilter.threshold(W, q, KnockoffVariant.KNOCKOFF))
                    .isInstanceOf(AmeException.class).hasMessageContaining("FDR");
        }
    }

    @Property(tries = 50)
    void thresholdIsTheSmallestQualifyingMagnitude(
            @ForAll @Size(max = 30) double[] raw, @ForAll @DoubleRange(min = 0.05, max = 0.95) double q) {
        double[] w = Arrays.stream(raw).map(x -> Double.isFinite(x) ? Math.rint(x % 7) : 0).toArray();
        for (KnockoffVariant v : KnockoffVariant.values()) {
            double t = KnockoffFilter.threshold(w, q, v);
            for (double x : w) {
                double c = Math.abs(x);
                if (c > 0 && c < t) {
                    assertThat(ratio(w, c, v)).isGreaterThan(q);
                }
            }
            if (Double.isFinite(t)) {
                assertThat(ratio(w, t, v)).isLessThanOrEqualTo(q);
            }
        }
    }

    private static double ratio(double[] w, double t, KnockoffVariant v) {
        long neg = Arrays.stream(w).filter(x -> x <= -t).count();
        long pos = Arrays.stream(w).filter(x -> x >= t).count();
        return (v.offset() + neg) / (double) Math.max(1, pos);
    }
}
