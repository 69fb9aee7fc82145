package dev.crest.ame.lasso;

/**
 * The LASSO solution at one λ of a path, stored sparsely.
 *
 * @param lambda           the regularization strength
 * @param indices          columns with a nonzero coefficient, ascending
 * @param values           their coefficients
 * @param bucketIntercepts the unpenalized bucket coefficients (length {@code max(1, bucketCount)}; all zero
 *                         for a design without buckets)
 */
public record PathPoint(double lambda, int[] indices, double[] values, double[] bucketIntercepts) {

    /** The coefficients as a dense vector of length {@code columns}. */
    public double[] denseCoefficients(int columns) {
        double[] beta = new double[columns];
        for (int k = 0; k < indices.length; k++) {
            beta[indices[k]] = values[k];
        }
        return beta;
    }
}
