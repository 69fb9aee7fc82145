package dev.crest.ame.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.ame.games.AdditiveGame;
import dev.crest.ame.games.ThresholdGame;
import org.junit.jupiter.api.Test;

class LeaveOneOutTest {
    @Test
    void additiveGameLeaveOneOutIsTheWeight() {
        assertThat(LeaveOneOut.values(new AdditiveGame(new double[] {2, -1, 0.5}))).containsExactly(2, -1, 0.5);
    }

    @Test
    void redundantMembersEachLookUseless() {
        // Two of three members suffice, so removing any single point from the full set changes nothing.
        assertThat(LeaveOneOut.values(ThresholdGame.twoOfFirstThree(5))).containsOnly(0.0);
        // With all three required, each member is decisive on its own.
        assertThat(LeaveOneOut.values(new ThresholdGame(4, new int[] {0, 1, 2}, 3))).containsExactly(1, 1, 1, 0);
    }
}
