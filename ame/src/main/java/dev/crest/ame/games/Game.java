package dev.crest.ame.games;

import java.util.BitSet;

/**
 * A cooperative game over data points: the utility of the model trained on a coalition (subset) of the
 * players. Stands in for "train on S, measure the outcome" wherever an estimator needs that callback.
 */
public interface Game {
    /** The number of players N; coalitions are subsets of {0, …, N−1}. */
    int players();

    /** U(S) for the coalition whose members are the set bits. */
    double utility(BitSet coalition);
}
