package dev.crest.ame.estimate;

import dev.crest.ame.games.Game;
import java.util.BitSet;

/**
 * Leave-one-out values U(all) − U(all \ {i}): N + 1 trainings, so only for small N. It misses points whose
 * effect is redundant (two copies of the same poison each have leave-one-out value near zero), which is why
 * it is offered only as a comparison.
 */
public final class LeaveOneOut {
    private LeaveOneOut() {
    }

    /** Evaluates the game on the full set once and on each set with one point removed. */
    public static double[] values(Game game) {
        int n = game.players();
        BitSet all = new BitSet(n);
        all.set(0, n);
        double full = game.utility(all);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            BitSet without = (BitSet) all.clone();
            without.clear(i);
            values[i] = full - game.utility(without);
        }
        return values;
    }
}
