package dev.crest.ame.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class GamesTest {
    @Test
    void additiveGameSumsTheWeightsOfItsMembers() {
        AdditiveGame g = new AdditiveGame(new double[] {1, -2, 0.5});
        BitSet s = new BitSet();
        s.set(0);
        s.set(2);
        assertThat(g.utility(s)).isEqualTo(1.5);
        assertThat(g.utility(new BitSet())).isZero();
    }

    @Test
    void additiveGameValuesMatchEnumeration() {
        AdditiveGame g = new AdditiveGame(new double[] {1, -2, 0.5, 0, 3});
        assertThat(ExactShapley.values(g)).containsExactly(g.shapleyValues(), within(1e-12));
        assertThat(g.ameValues(new double[] {0.2, 0.8})).containsExactly(1, -2, 0.5, 0, 3);
    }

    @Test
    void thresholdGameNeedsTwoOfTheFirstThree() {
        ThresholdGame g = ThresholdGame.twoOfFirstThree(10);
        BitSet s = new BitSet();
        s.set(0);
        s.set(5);
        assertThat(g.utility(s)).isZero();
        s.set(2);
        assertThat(g.utility(s)).isEqualTo(1.0);
    }

    @Test
    void thresholdGameShapleyMatchesEnumeration() {
        ThresholdGame g = ThresholdGame.twoOfFirstThree(7);
        double[] exact = ExactShapley.values(g);
        assertThat(exact).containsExactly(g.shapleyValues(), within(1e-12));
        assertThat(exact[0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(exact[4]).isZero();
    }

    @Test
    void thresholdGameAmeAveragesThePivotalProbabilityOverTheGrid() {
        // A member is pivotal when exactly one of the two others is present: 2p(1−p); grid mean 0.4.
        double[] ame = ThresholdGame.twoOfFirstThree(5).ameValues(new double[] {0.2, 0.4, 0.6, 0.8});
        assertThat(ame).containsExactly(new double[] {0.4, 0.4, 0.4, 0, 0}, within(1e-12));
    }

    @Test
    void truncatedShapleyIntegratesThePivotalProbability() {
        ThresholdGame g = ThresholdGame.twoOfFirstThree(4);
        // ∫_{0.1}^{0.9} 2p(1−p) dp / 0.8 = 2 · (0.162 − 0.0046667) / 0.8
        assertThat(g.truncatedShapleyValues(0.1)[1]).isCloseTo(2 * (0.162 - 0.014 / 3) / 0.8, within(1e-12));
        assertThat(g.truncatedShapleyValues(0.0)).containsExactly(g.shapleyValues(), within(1e-12));
        ThresholdGame three = new ThresholdGame(6, new int[] {1, 3, 5}, 3);
        assertThat(three.truncatedShapleyValues(0.0)).containsExactly(ExactShapley.values(three), within(1e-12));
    }
}
