package dev.crest.ame.estimate;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.lasso.LassoCrossValidation;
import dev.crest.ame.lasso.LassoFit;
import dev.crest.ame.lasso.LassoSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The Average Marginal Effect estimator (Lin et al., ICML 2022): a cross-validated LASSO of each query's
 * outcomes on the AME design, scaled to AME values.
 *
 * <p>Given p, the feature {@code X = 1/p} (included) or {@code −1/(1−p)} (excluded) has {@code E[X] = 0},
 * {@code E[X·Y] = AME(p)} and {@code E[X²] = 1/(p(1−p))}, so the population regression coefficient is
 * {@code β_i = AME_i / v} with {@code v = E_p[1/(p(1−p))]} over the grid, and the estimate is
 * {@code AME_i = β_i · v}. The paper's public code divides β by v instead, which keeps rankings and
 * selections but not values; this class multiplies, so values are on the outcome's own scale (an additive
 * game {@code U(S) = Σ_{i∈S} w_i} gives back {@code w_i}).
 */
public final class AmeEstimator {
    private final LassoSettings settings;

    /** An estimator using the given LASSO settings (λ rule, folds, path). */
    public AmeEstimator(LassoSettings settings) {
        this.settings = settings;
    }

    /** An estimator with {@link LassoSettings#defaults()} (1-SE rule, 5 folds). */
    public AmeEstimator() {
        this(LassoSettings.defaults());
    }

    /** {@code v = E_p[1/(p(1−p))]} with p uniform over the grid (≈ 5.208 for {0.2, 0.4, 0.6, 0.8}). */
    public static double scale(double[] grid) {
        double s = 0;
        for (double p : grid) {
            s += 1.0 / (p * (1.0 - p));
        }
        return s / grid.length;
    }

    /**
     * Estimates AMEs from the first {@code outcomes[0].length} submodels of {@code design};
     * {@code outcomes[q][j]} is query q's outcome from the model trained on submodel j's subset.
     */
    public AmeEstimate estimate(Design design, double[][] outcomes) {
        if (outcomes.length == 0) {
            throw new AmeException("no queries to estimate; give at least one outcome column");
        }
        int m = outcomes[0].length;
        return estimate(DesignMatrix.ame(design, m), design.grid(), outcomes);
    }

    /** Estimates AMEs on an already built AME design matrix whose rows drew p from {@code grid}. */
    public AmeEstimate estimate(DesignMatrix matrix, double[] grid, double[][] outcomes) {
        if (outcomes.length == 0) {
            throw new AmeException("no queries to estimate; give at least one outcome column");
        }
        double v = scale(grid);
        List<LassoFit> fits = LassoCrossValidation.fit(matrix, outcomes, settings);
        List<QueryEstimate> queries = new ArrayList<>(fits.size());
        for (int q = 0; q < fits.size(); q++) {
            LassoFit fit = fits.get(q);
            double[] beta = fit.coefficients();
            double[] ame = new double[beta.length];
            for (int i = 0; i < beta.length; i++) {
                ame[i] = beta[i] * v;
            }
            queries.add(new QueryEstimate(q, ame, fit.lambda(), fit));
        }
        return new AmeEstimate(v, queries);
    }
}
