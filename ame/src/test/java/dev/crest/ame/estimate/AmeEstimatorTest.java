package dev.crest.ame.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.lasso.LambdaRule;
import dev.crest.ame.lasso.LassoSettings;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AmeEstimatorTest {

    @Test
    void scaleOfDefaultGridIsMeanOfInverseVariances() {
        // 1/(0.2·0.8) = 6.25, 1/(0.4·0.6) = 4.1666…, symmetric: (6.25 + 4.1666…) / 2
        assertThat(AmeEstimator.scale(Design.defaultGrid())).isCloseTo((6.25 + 1 / 0.24) / 2, within(1e-12));
    }

    /** In an additive game U(S) = Σ_{i∈S} w_i every marginal contribution of i is w_i, so AME_i = w_i. */
    @Test
    void recoversValuesOfAnAdditiveGame() {
        int n = 200;
        int m = 1000;
        double[] w = new double[n];
        w[3] = 1.0;
        w[50] = 0.5;
        w[120] = -0.8;
        w[199] = 0.3;
        Design design = Design.withDefaultGrid(n, 42L);
        List<Submodel> rows = design.submodels(m);
        SplittableRandom noise = new SplittableRandom(7);
        double[][] outcomes = new double[2][m];
        for (int j = 0; j < m; j++) {
            double u = 0;
            for (int i = rows.get(j).mask().nextSetBit(0); i >= 0; i = rows.get(j).mask().nextSetBit(i + 1)) {
                u += w[i];
            }
            outcomes[0][j] = u;
            outcomes[1][j] = 2 * u + 0.05 * (noise.nextDouble() - 0.5);
        }
        AmeEstimate estimate = new AmeEstimator(LassoSettings.defaults().withRule(LambdaRule.MINIMUM))
                .estimate(design, outcomes);
        assertThat(estimate.queries()).hasSize(2);
        double[] exact = estimate.queries().get(0).ame();
        double[] noisy = estimate.queries().get(1).ame();
        for (int i = 0; i < n; i++) {
            // Tolerance: LASSO shrinkage at the CV-chosen λ plus sampling noise; the nonzero effects are ≥ 0.3.
            assertThat(exact[i]).as("point %d", i).isCloseTo(w[i], within(0.05));
            assertThat(noisy[i]).as("point %d (noisy, doubled)", i).isCloseTo(2 * w[i], within(0.1));
        }
        assertThat(estimate.queries().get(0).lambda()).isPositive();
    }

    @Test
    void oneStandardErrorRuleAlsoRecoversValuesWithinShrinkage() {
        int n = 100;
        int m = 600;
        double[] w = new double[n];
        w[10] = 1.0;
        w[20] = -1.0;
        Design design = Design.withDefaultGrid(n, 3L);
        double[][] outcomes = new double[1][m];
        for (int j = 0; j < m; j++) {
            var mask = design.submodel(j).mask();
            outcomes[0][j] = (mask.get(10) ? 1.0 : 0) - (mask.get(20) ? 1.0 : 0);
        }
        double[] ame = new AmeEstimator().estimate(design, outcomes).queries().get(0).ame();
        assertThat(ame[10]).isCloseTo(1.0, within(0.15));
        assertThat(ame[20]).isCloseTo(-1.0, within(0.15));
        for (int i = 0; i < n; i++) {
            if (i != 10 && i != 20) {
                assertThat(ame[i]).as("null point %d", i).isCloseTo(0.0, within(0.05));
            }
        }
    }

    @Test
    void rejectsAnEmptyQueryList() {
        assertThatThrownBy(() -> new AmeEstimator().estimate(Design.withDefaultGrid(5, 1), new double[0][]))
                .isInstanceOf(AmeException.class).hasMessageContaining("no queries");
    }
}
