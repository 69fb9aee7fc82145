package dev.crest.ame.lasso;

/**
 * The cross-validated LASSO result for one outcome column (one query): the CV curve over the λ path and the
 * full-data coefficients at the chosen λ. Arrays are owned by the record; do not modify them.
 *
 * @param lambdas                the λ path (decreasing; may be shorter than requested when the path stopped
 *                               early)
 * @param cvMeanError            mean held-out squared error per λ over the folds
 * @param cvStandardError        standard error of that mean (sample std of fold errors / √K)
 * @param minimumIndex           index of the λ with the smallest mean CV error
 * @param oneStandardErrorIndex  index of the largest λ whose mean CV error is within one standard error of
 *                               the minimum
 * @param chosenIndex            the index selected by the settings' {@link LambdaRule}
 * @param coefficients           full-data coefficients β at the chosen λ, one per design column
 * @param bucketIntercepts       the unpenalized bucket coefficients at the chosen λ
 */
public record LassoFit(double[] lambdas, double[] cvMeanError, double[] cvStandardError, int minimumIndex,
        int oneStandardErrorIndex, int chosenIndex, double[] coefficients, double[] bucketIntercepts) {

    /** The chosen λ. */
    public double lambda() {
        return lambdas[chosenIndex];
    }
}
