package dev.crest.ame.estimate;

import dev.crest.ame.lasso.LassoFit;

/**
 * AME estimates for one query.
 *
 * @param query  the query's position among the outcome columns
 * @param ame    estimated AME per training point ({@code β_i · v}); do not modify
 * @param lambda the λ chosen by cross-validation
 * @param fit    the underlying cross-validated LASSO fit (CV curve, raw coefficients, bucket intercepts)
 */
public record QueryEstimate(int query, double[] ame, double lambda, LassoFit fit) {
}
