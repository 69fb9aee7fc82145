package dev.crest.ame.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.games.AdditiveGame;
import dev.crest.ame.games.Game;
import dev.crest.ame.games.ThresholdGame;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MsrEstimatorTest {
    private static final double[] WEIGHTS = {1.5, -2, 0, 0.25, 3, -0.5};

    @Test
    void inOutDifferenceOverAllSubsetsIsTheExactBanzhafValue() {
        // Over all 2^N subsets each point is in exactly half and the others balance out.
        int n = WEIGHTS.length;
        List<BitSet> masks = allSubsets(n);
        AdditiveGame additive = new AdditiveGame(WEIGHTS);
        assertThat(MsrEstimator.inOutDifference(n, masks, outcomes(additive, masks)))
                .containsExactly(WEIGHTS, within(1e-12));
        // Threshold 2-of-3 at p = 1/2: a member is pivotal when exactly one of the two others is present.
        ThresholdGame threshold = ThresholdGame.twoOfFirstThree(n);
        assertThat(MsrEstimator.inOutDifference(n, masks, outcomes(threshold, masks)))
                .containsExactly(new double[] {0.5, 0.5, 0.5, 0, 0, 0}, within(1e-12));
    }

    @Test
    void inOutDifferenceOnRandomHalvesRecoversAdditiveWeights() {
        int n = WEIGHTS.length;
        int m = 4000;
        SplittableRandom random = new SplittableRandom(7);
        List<BitSet> masks = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            masks.add(bernoulli(random, n, 0.5));
        }
        double[] y = outcomes(new AdditiveGame(WEIGHTS), masks);
        double[] estimate = MsrEstimator.inOutDifference(n, masks, y);
        // Var(U) = Σ w² / 4 at p = 1/2; the difference of two means of ~M/2 draws has sd ≈ 2·sd(U)/√M.
        double sumSquares = 0;
        for (double w : WEIGHTS) {
            sumSquares += w * w;
        }
        double sd = 2 * Math.sqrt(sumSquares / 4) / Math.sqrt(m);
        assertThat(estimate).containsExactly(WEIGHTS, within(5 * sd));
    }

    @Test
    void inverseProbabilityRecoversAdditiveWeightsOnAGridDesign() {
        int n = WEIGHTS.length;
        int m = 6000;
        double[] grid = {0.2, 0.4, 0.6, 0.8};
        SplittableRandom random = new SplittableRandom(11);
        List<BitSet> masks = new ArrayList<>();
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            p[j] = grid[random.nextInt(grid.length)];
            masks.add(bernoulli(random, n, p[j]));
        }
        double[] estimate = MsrEstimator.inverseProbability(n, masks, p, outcomes(new AdditiveGame(WEIGHTS), masks));
        // After centring, Xᵢ·Y has variance ≤ E[1/(p(1−p))]·Σ w²·max p(1−p) + wᵢ² terms; bound it by
        // v·Σw² with v = E_p[1/(p(1−p))] ≈ 5.21, so sd ≤ √(v·Σw²/M).
        double sumSquares = 0;
        for (double w : WEIGHTS) {
            sumSquares += w * w;
        }
        double sd = Math.sqrt(5.21 * sumSquares / m);
        assertThat(estimate).containsExactly(WEIGHTS, within(4 * sd));
    }

    @Test
    void designRowsGiveTheSameEstimatesAsTheirMasks() {
        Design design = Design.withDefaultGrid(WEIGHTS.length, 3);
        List<Submodel> rows = design.submodels(500);
        List<BitSet> masks = rows.stream().map(Submodel::mask).toList();
        double[] p = rows.stream().mapToDouble(Submodel::p).toArray();
        double[] y = outcomes(new AdditiveGame(WEIGHTS), masks);
        assertThat(MsrEstimator.inverseProbability(rows, WEIGHTS.length, y))
                .containsExactly(MsrEstimator.inverseProbability(WEIGHTS.length, masks, p, y));
        assertThat(MsrEstimator.inOutDifference(rows, WEIGHTS.length, y))
                .containsExactly(MsrEstimator.inOutDifference(WEIGHTS.length, masks, y));
    }

    @Test
    void pointInEverySubmodelIsAnError() {
        BitSet all = new BitSet();
        all.set(0, 2);
        assertThatThrownBy(() -> MsrEstimator.inOutDifference(2, List.of(all, all), new double[] {1, 2}))
                .isInstanceOf(AmeException.class).hasMessageContaining("every submodel");
    }

    static List<BitSet> allSubsets(int n) {
        List<BitSet> masks = new ArrayList<>();
        for (long mask = 0; mask < (1L << n); mask++) {
            masks.add(BitSet.valueOf(new long[] {mask}));
        }
        return masks;
    }

    static BitSet bernoulli(SplittableRandom random, int n, double p) {
        BitSet s = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                s.set(i);
            }
        }
        return s;
    }

    static double[] outcomes(Game game, List<BitSet> masks) {
        return masks.stream().mapToDouble(game::utility).toArray();
    }
}
