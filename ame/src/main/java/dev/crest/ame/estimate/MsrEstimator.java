package dev.crest.ame.estimate;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Submodel;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maximum-sample-reuse estimates from the same submodels the LASSO uses, for comparison: the Banzhaf-style
 * in/out mean difference, and the inverse-probability estimate of the AME over a grid design.
 */
public final class MsrEstimator {
    private MsrEstimator() {
    }

    /**
     * The in/out mean difference per point: mean outcome over submodels containing i minus mean over those
     * that do not. With every p = 0.5 this estimates the Banzhaf value; over mixed p it is biased, because p
     * drives subset size (use {@link #inverseProbability} there).
     *
     * @param points   N
     * @param masks    one inclusion bitset per submodel
     * @param outcomes one outcome per submodel, same order
     * @throws AmeException when a point is in every submodel or in none, so it has no comparison group
     */
    public static double[] inOutDifference(int points, List<BitSet> masks, double[] outcomes) {
        requireSameCount(masks, outcomes);
        double[] inSum = new double[points];
        int[] inCount = new int[points];
        double total = 0;
        for (int j = 0; j < outcomes.length; j++) {
            total += outcomes[j];
            BitSet mask = masks.get(j);
            for (int i = mask.nextSetBit(0); i >= 0 && i < points; i = mask.nextSetBit(i + 1)) {
                inSum[i] += outcomes[j];
                inCount[i]++;
            }
        }
        double[] estimate = new double[points];
        for (int i = 0; i < points; i++) {
            int outCount = outcomes.length - inCount[i];
            if (inCount[i] == 0 || outCount == 0) {
                throw new AmeException("point " + i + " is in " + (inCount[i] == 0 ? "no" : "every")
                        + " submodel, so its in/out difference is undefined; train more submodels");
            }
            estimate[i] = inSum[i] / inCount[i] - (total - inSum[i]) / outCount;
        }
        return estimate;
    }

    /**
     * The inverse-probability estimate of AMEᵢ for a design whose rows draw pⱼ from a grid: the mean over
     * submodels of Xⱼᵢ · (Yⱼ − Ȳ_{pⱼ}), with Xⱼᵢ = 1/pⱼ if i ∈ Sⱼ else −1/(1−pⱼ). Given p, E[X·Y] = AME(p)
     * and E[X] = 0, so subtracting the per-p mean Ȳ_p (the same control variate as the LASSO's bucket
     * columns) keeps the estimate unbiased up to O(1/M) while removing most of its variance.
     *
     * @param probabilities pⱼ of each submodel, each strictly between 0 and 1
     */
    public static double[] inverseProbability(int points, List<BitSet> masks, double[] probabilities,
            double[] outcomes) {
        requireSameCount(masks, outcomes);
        if (probabilities.length != outcomes.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + outcomes.length
                    + " outcomes");
        }
        Map<Double, double[]> bucket = new HashMap<>();
        for (int j = 0; j < outcomes.length; j++) {
            double[] sumCount = bucket.computeIfAbsent(probabilities[j], p -> new double[2]);
            sumCount[0] += outcomes[j];
            sumCount[1]++;
        }
        double[] estimate = new double[points];
        for (int j = 0; j < outcomes.length; j++) {
            double p = probabilities[j];
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("probability " + p + " of submodel " + j + " is outside (0, 1)");
            }
            double[] sumCount = bucket.get(p);
            double centred = outcomes[j] - sumCount[0] / sumCount[1];
            double in = centred / p;
            double out = -centred / (1 - p);
            BitSet mask = masks.get(j);
            // Adding `out` to everyone and correcting the members keeps the row's cost proportional to |Sⱼ|.
            for (int i = 0; i < points; i++) {
                estimate[i] += out;
            }
            for (int i = mask.nextSetBit(0); i >= 0 && i < points; i = mask.nextSetBit(i + 1)) {
                estimate[i] += in - out;
            }
        }
        for (int i = 0; i < points; i++) {
            estimate[i] /= outcomes.length;
        }
        return estimate;
    }

    /** {@link #inOutDifference(int, List, double[])} over design rows (their masks, in list order). */
    public static double[] inOutDifference(List<Submodel> submodels, int points, double[] outcomes) {
        return inOutDifference(points, submodels.stream().map(Submodel::mask).toList(), outcomes);
    }

    /** {@link #inverseProbability(int, List, double[], double[])} over design rows (their masks and pⱼ). */
    public static double[] inverseProbability(List<Submodel> submodels, int points, double[] outcomes) {
        double[] p = submodels.stream().mapToDouble(Submodel::p).toArray();
        return inverseProbability(points, submodels.stream().map(Submodel::mask).toList(), p, outcomes);
    }

    private static void requireSameCount(List<BitSet> masks, double[] outcomes) {
        if (masks.size() != outcomes.length) {
            throw new IllegalArgumentException(masks.size() + " masks for " + outcomes.length + " outcomes");
        }
        if (outcomes.length == 0) {
            throw new AmeException("no submodels to estimate from; train at least one");
        }
    }
}
