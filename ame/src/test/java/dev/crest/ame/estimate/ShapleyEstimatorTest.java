package dev.crest.ame.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.games.ThresholdGame;
import dev.crest.ame.lasso.LassoSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapleyEstimatorTest {
    @Test
    void inverseCdfFollowsTheLogitCdf() {
        double eps = 0.01;
        assertThat(ShapleyDesign.inverseCdf(0, eps)).isCloseTo(eps, within(1e-12));
        assertThat(ShapleyDesign.inverseCdf(1, eps)).isCloseTo(1 - eps, within(1e-12));
        assertThat(ShapleyDesign.inverseCdf(0.5, eps)).isCloseTo(0.5, within(1e-12));
        // CDF(p) = (logit p − logit ε)/(logit(1−ε) − logit ε): check the inverse at u = 0.25.
        double p = ShapleyDesign.inverseCdf(0.25, eps);
        double logitEps = Math.log(eps / (1 - eps));
        assertThat((Math.log(p / (1 - p)) - logitEps) / (-2 * logitEps)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void designIsPrefixStableAndFeaturesAreXMinusP() {
        ShapleyDesign design = new ShapleyDesign(30, 0.05, 8);
        List<Submodel> rows = design.submodels(5);
        assertThat(design.submodel(4)).isEqualTo(rows.get(4));
        DesignMatrix x = ShapleyEstimator.designMatrix(rows, 30);
        for (Submodel s : rows) {
            assertThat(s.p()).isBetween(0.05, 0.95);
            for (int i = 0; i < 30; i++) {
                assertThat(x.entry(s.index(), i)).isEqualTo((s.mask().get(i) ? 1 : 0) - s.p());
            }
        }
    }

    @Test
    void thresholdGameErrorShrinksAsSubmodelsGrow() {
        ThresholdGame game = ThresholdGame.twoOfFirstThree(1000);
        ShapleyDesign design = new ShapleyDesign(1000, ShapleyDesign.DEFAULT_EPSILON, 2022);
        double[] truth = game.truncatedShapleyValues(design.epsilon());
        double small = l2Error(game, design, 150, truth);
        double large = l2Error(game, design, 600, truth);
        assertThat(large).isLessThan(small);
    }

    @Test
    void thresholdGameMembersRankAboveEveryNullPlayer() {
        ThresholdGame game = ThresholdGame.twoOfFirstThree(1000);
        ShapleyDesign design = new ShapleyDesign(1000, ShapleyDesign.DEFAULT_EPSILON, 7);
        double[] estimate = fit(game, design, 600);
        double weakestMember = Math.min(estimate[0], Math.min(estimate[1], estimate[2]));
        for (int i = 3; i < 1000; i++) {
            assertThat(estimate[i]).isLessThan(weakestMember);
        }
    }

    private static double[] fit(ThresholdGame game, ShapleyDesign design, int m) {
        double[] y = design.submodels(m).stream().mapToDouble(s -> game.utility(s.mask())).toArray();
        return new ShapleyEstimator(LassoSettings.defaults().withLambdaCount(30)).estimate(design, new double[][] {y})
                .get(0);
    }

    private static double l2Error(ThresholdGame game, ShapleyDesign design, int m, double[] truth) {
        double[] estimate = fit(game, design, m);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += (estimate[i] - truth[i]) * (estimate[i] - truth[i]);
        }
        return Math.sqrt(s);
    }
}
