package dev.crest.ame.run;

import dev.crest.ame.AmeException;
import java.util.Collection;

/**
 * The outcomes of submodels 0..M−1 arranged for the estimator: {@code byQuery()[q][j]} is query q's outcome from
 * submodel j, with {@code probabilities()[j]} = pⱼ. Built from results in any order (e.g. a checkpoint), it
 * insists that every submodel in the range is present exactly once, so a missing one is never read as zero.
 */
public final class OutcomeMatrix {
    private final double[][] byQuery;
    private final double[] probabilities;

    private OutcomeMatrix(double[][] byQuery, double[] probabilities) {
        this.byQuery = byQuery;
        this.probabilities = probabilities;
    }

    /** Arranges the results of submodels {@code 0..submodels−1}; results beyond that range are ignored. */
    public static OutcomeMatrix of(Collection<SubmodelResult> results, int submodels, int queryCount) {
        double[][] byQuery = new double[queryCount][submodels];
        double[] probabilities = new double[submodels];
        boolean[] seen = new boolean[submodels];
        for (SubmodelResult result : results) {
            int j = result.index();
            if (j >= submodels) {
                continue;
            }
            if (seen[j]) {
                throw new AmeException("submodel " + j + " appears twice in the stored outcomes");
            }
            double[] outcomes = result.outcomes();
            if (outcomes.length != queryCount) {
                throw new AmeException("submodel " + j + " has " + outcomes.length + " outcomes but the run has "
                        + queryCount + " queries");
            }
            seen[j] = true;
            probabilities[j] = result.probability();
            for (int q = 0; q < queryCount; q++) {
                byQuery[q][j] = outcomes[q];
            }
        }
        for (int j = 0; j < submodels; j++) {
            if (!seen[j]) {
                throw new AmeException("submodel " + j + " of " + submodels + " has no stored outcome; resume the run"
                        + " to train it");
            }
        }
        return new OutcomeMatrix(byQuery, probabilities);
    }

    public int submodels() {
        return probabilities.length;
    }

    public int queries() {
        return byQuery.length;
    }

    /** A copy of the outcomes, one row per query and one column per submodel. */
    public double[][] byQuery() {
        double[][] copy = new double[byQuery.length][];
        for (int q = 0; q < byQuery.length; q++) {
            copy[q] = byQuery[q].clone();
        }
        return copy;
    }

    /** A copy of pⱼ per submodel. */
    public double[] probabilities() {
        return probabilities.clone();
    }
}
