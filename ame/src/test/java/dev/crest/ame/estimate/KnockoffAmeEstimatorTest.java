package dev.crest.ame.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.games.AdditiveGame;
import dev.crest.ame.lasso.LassoSettings;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnockoffAmeEstimatorTest {
    private static final int POINTS = 40;
    private static final int SIGNALS = 6;
    private static final LassoSettings SETTINGS = LassoSettings.defaults().withLambdaCount(40);

    @Test
    void knockoffMasksAreFreshPrefixStableDrawsAtTheRowsProbability() {
        Design design = Design.withDefaultGrid(2000, 5);
        long seed = KnockoffAmeEstimator.defaultKnockoffSeed(design);
        Submodel row = design.submodel(3);
        BitSet copy = KnockoffAmeEstimator.knockoffMask(row, 2000, seed);
        assertThat(copy).isEqualTo(KnockoffAmeEstimator.knockoffMask(design.submodel(3), 2000, seed));
        assertThat(copy).isNotEqualTo(row.mask());
        // 2000 Bernoulli(p) draws: the count is within 5 standard deviations of 2000·p.
        double sd = Math.sqrt(2000 * row.p() * (1 - row.p()));
        assertThat((double) copy.cardinality()).isBetween(2000 * row.p() - 5 * sd, 2000 * row.p() + 5 * sd);
    }

    @Test
    void augmentedDesignPutsKnockoffsAfterThePointsWithTheSameFeaturization() {
        Design design = Design.withDefaultGrid(5, 9);
        List<Submodel> rows = design.submodels(4);
        DesignMatrix x = KnockoffAmeEstimator.augmentedDesign(rows, 5, 4, 77);
        assertThat(x.columns()).isEqualTo(10);
        assertThat(x.bucketCount()).isEqualTo(4);
        for (Submodel s : rows) {
            BitSet copy = KnockoffAmeEstimator.knockoffMask(s, 5, 77);
            for (int i = 0; i < 5; i++) {
                assertThat(x.entry(s.index(), i)).isEqualTo(s.mask().get(i) ? 1 / s.p() : -1 / (1 - s.p()));
                assertThat(x.entry(s.index(), 5 + i)).isEqualTo(copy.get(i) ? 1 / s.p() : -1 / (1 - s.p()));
            }
            assertThat(x.bucket(s.index())).isEqualTo(s.gridIndex());
        }
    }

    /**
     * Empirical FDR of Knockoff+ over repetitions of a noisy additive game with 6 true effects among 40
     * points. Tolerance: with 12 repetitions the mean false-discovery proportion has a standard error of at
     * most √(q(1−q)/12) ≈ 0.12 at q = 0.2, so we allow q + 0.15; power is checked too, so an estimator that
     * selects nothing cannot pass.
     */
    @Test
    void knockoffPlusKeepsTheFalseDiscoveryRateNearTheTarget() {
        double q = 0.2;
        int repetitions = 12;
        double fdpSum = 0;
        double truePositives = 0;
        double[] weights = new double[POINTS];
        for (int i = 0; i < SIGNALS; i++) {
            weights[i] = 1;
        }
        AdditiveGame game = new AdditiveGame(weights);
        for (int r = 0; r < repetitions; r++) {
            Design design = Design.withDefaultGrid(POINTS, 100 + r);
            double[] y = noisyOutcomes(game, design, 200, 0.5, new SplittableRandom(1000 + r));
            KnockoffAmeResult result = new KnockoffAmeEstimator(SETTINGS)
                    .estimate(design, new double[][] {y}, q, KnockoffVariant.KNOCKOFF_PLUS).get(0);
            int[] selected = result.helping().selected();
            long falses = Arrays.stream(selected).filter(i -> i >= SIGNALS).count();
            fdpSum += falses / (double) Math.max(1, selected.length);
            truePositives += selected.length - falses;
        }
        assertThat(fdpSum / repetitions).isLessThanOrEqualTo(q + 0.15);
        assertThat(truePositives / repetitions).isGreaterThanOrEqualTo(SIGNALS / 2.0);
    }

    @Test
    void twoSidedFilterFindsPointsThatHurtOnTheOtherSide() {
        double[] weights = new double[POINTS];
        for (int i = 0; i < SIGNALS; i++) {
            weights[i] = i % 2 == 0 ? 1.5 : -1.5;
        }
        Design design = Design.withDefaultGrid(POINTS, 42);
        double[] y = noisyOutcomes(new AdditiveGame(weights), design, 300, 0.3, new SplittableRandom(43));
        KnockoffAmeResult result = new KnockoffAmeEstimator(SETTINGS)
                .estimate(design, new double[][] {y}, 0.2, KnockoffVariant.KNOCKOFF).get(0);
        assertThat(result.helping().selected()).contains(0, 2, 4).doesNotContain(1, 3, 5);
        assertThat(result.hurting().selected()).contains(1, 3, 5).doesNotContain(0, 2, 4);
        // Values are on the outcome's scale (β · v), so the effects come back near ±1.5.
        assertThat(result.ame()[0]).isBetween(1.0, 2.0);
        assertThat(result.ame()[1]).isBetween(-2.0, -1.0);
    }

    @Test
    void rejectsAnFdrOutsideTheUnitInterval() {
        Design design = Design.withDefaultGrid(4, 1);
        assertThatThrownBy(() -> new KnockoffAmeEstimator().estimate(design, new double[][] {new double[10]}, 1.0,
                KnockoffVariant.KNOCKOFF)).isInstanceOf(AmeException.class).hasMessageContaining("FDR");
    }

    private static double[] noisyOutcomes(AdditiveGame game, Design design, int m, double noise,
            SplittableRandom random) {
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = game.utility(design.submodel(j).mask()) + noise * gaussian(random);
        }
        return y;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
