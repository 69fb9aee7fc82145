package dev.crest.ame.estimate;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.lasso.LambdaRule;
import dev.crest.ame.lasso.LassoCrossValidation;
import dev.crest.ame.lasso.LassoFit;
import dev.crest.ame.lasso.LassoSettings;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The Shapley variant of AME: a cross-validated LASSO (λ at the CV minimum) of outcomes on features xᵢ − pⱼ
 * over a {@link ShapleyDesign}. Given p, E[(x − p)·Y] = p(1−p)·AME(p) and E[(x − p)²] = p(1−p); with p's
 * density ∝ 1/(p(1−p)) the coefficient is the uniform average of AME(p) over [ε, 1−ε], so no rescaling is
 * needed. One unpenalized intercept absorbs the outcome's mean; the features are uncorrelated with any
 * function of p, so it changes only the variance, not what is estimated.
 */
public final class ShapleyEstimator {
    private final LassoSettings settings;

    /** An estimator with the given settings; the λ rule is forced to the CV minimum (value estimation). */
    public ShapleyEstimator(LassoSettings settings) {
        this.settings = settings.withRule(LambdaRule.MINIMUM);
    }

    /** An estimator with {@link LassoSettings#defaults()} at the CV minimum. */
    public ShapleyEstimator() {
        this(LassoSettings.defaults());
    }

    /** The design matrix of the given rows: xᵢ − p, i.e. 1 − p when included and −p otherwise. */
    public static DesignMatrix designMatrix(List<Submodel> submodels, int points) {
        int m = submodels.size();
        double[] in = new double[m];
        double[] out = new double[m];
        BitSet[] masks = new BitSet[m];
        for (int j = 0; j < m; j++) {
            Submodel s = submodels.get(j);
            in[j] = 1 - s.p();
            out[j] = -s.p();
            masks[j] = s.mask();
        }
        return DesignMatrix.fromRows(points, in, out, new int[m], 1, masks);
    }

    /**
     * Estimates truncated Shapley values from the first {@code outcomes[0].length} submodels of the design;
     * returns one array per query.
     */
    public List<double[]> estimate(ShapleyDesign design, double[][] outcomes) {
        if (outcomes.length == 0) {
            throw new AmeException("no queries to estimate; give at least one outcome column");
        }
        DesignMatrix matrix = designMatrix(design.submodels(outcomes[0].length), design.points());
        List<LassoFit> fits = LassoCrossValidation.fit(matrix, outcomes, settings);
        List<double[]> values = new ArrayList<>(fits.size());
        for (LassoFit fit : fits) {
            values.add(fit.coefficients().clone());
        }
        return values;
    }
}
