package dev.crest.ame.games;

import java.util.BitSet;

/**
 * The additive game U(S) = Σ_{i∈S} wᵢ: every player's marginal effect is wᵢ whatever the coalition, so its
 * AME (for every p distribution), Shapley and Banzhaf values all equal wᵢ.
 */
public final class AdditiveGame implements KnownGame {
    private final double[] weights;

    public AdditiveGame(double[] weights) {
        this.weights = weights.clone();
    }

    @Override
    public int players() {
        return weights.length;
    }

    @Override
    public double utility(BitSet coalition) {
        double sum = 0;
        for (int i = coalition.nextSetBit(0); i >= 0 && i < weights.length; i = coalition.nextSetBit(i + 1)) {
            sum += weights[i];
        }
        return sum;
    }

    @Override
    public double[] shapleyValues() {
        return weights.clone();
    }

    @Override
    public double[] ameValues(double[] grid) {
        return weights.clone();
    }

    @Override
    public double[] truncatedShapleyValues(double epsilon) {
        return weights.clone();
    }
}
