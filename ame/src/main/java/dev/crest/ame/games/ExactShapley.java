package dev.crest.ame.games;

import java.util.BitSet;

/**
 * Exact Shapley values of a small game by enumerating all 2^N coalitions: an independent oracle for tests.
 */
public final class ExactShapley {
    /** Enumeration beyond this many players would take too long to be useful. */
    public static final int MAX_PLAYERS = 20;

    private ExactShapley() {
    }

    /** φᵢ = Σ_{S ∌ i} |S|!(N−1−|S|)!/N! · (U(S ∪ {i}) − U(S)). */
    public static double[] values(Game game) {
        int n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("exact Shapley enumeration supports at most " + MAX_PLAYERS
                    + " players, got " + n);
        }
        double[] utilities = new double[1 << n];
        for (int mask = 0; mask < utilities.length; mask++) {
            utilities[mask] = game.utility(BitSet.valueOf(new long[] {mask}));
        }
        double[] weightBySize = new double[n + 1];
        for (int s = 0; s < n; s++) {
            // s!(n−1−s)!/n! = 1 / (n · C(n−1, s))
            double c = 1;
            for (int i = 1; i <= s; i++) {
                c = c * (n - 1 - s + i) / i;
            }
            weightBySize[s] = 1 / (n * c);
        }
        double[] phi = new double[n];
        for (int mask = 0; mask < utilities.length; mask++) {
            double w = weightBySize[Integer.bitCount(mask)];
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) == 0) {
                    phi[i] += w * (utilities[mask | (1 << i)] - utilities[mask]);
                }
            }
        }
        return phi;
    }
}
