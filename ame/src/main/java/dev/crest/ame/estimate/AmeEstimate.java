package dev.crest.ame.estimate;

import java.util.List;

/**
 * The AME estimator's result: one {@link QueryEstimate} per query, and the scale v that turned LASSO
 * coefficients into AME values.
 *
 * @param scale   {@code v = E_p[1/(p(1−p))]} over the design's grid
 * @param queries per-query estimates, in outcome-column order
 */
public record AmeEstimate(double scale, List<QueryEstimate> queries) {

    public AmeEstimate {
        queries = List.copyOf(queries);
    }
}
