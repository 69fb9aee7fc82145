package dev.crest.ame.estimate;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.lasso.LassoCrossValidation;
import dev.crest.ame.lasso.LassoFit;
import dev.crest.ame.lasso.LassoSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * AME with false-discovery control by exact model-X knockoffs. The design distribution is known, so each
 * point's knockoff is a fresh Bernoulli(pⱼ) indicator per submodel, featurized like the original
 * (1/p in, −1/(1−p) out); the LASSO is fitted on [X, X̃, buckets] and the knockoff filter compares each
 * point's coefficient with its copy's. Knockoff draws are never trained on: they only enter the regression.
 *
 * <p>Knockoff rows are prefix-stable like the design: row j's copies come from their own random stream keyed by
 * (knockoff seed, j), so more submodels extend the same knockoffs.
 */
public final class KnockoffAmeEstimator {
    /** Mixed into the design seed when no knockoff seed is given, so knockoffs do not replay the design. */
    private static final long KNOCKOFF_SALT = 0x6B6E6F636B6F6666L;

    private final LassoSettings settings;

    /** An estimator using the given LASSO settings on the augmented design. */
    public KnockoffAmeEstimator(LassoSettings settings) {
        this.settings = settings;
    }

    /** An estimator with {@link LassoSettings#defaults()}. */
    public KnockoffAmeEstimator() {
        this(LassoSettings.defaults());
    }

    /** The knockoff seed used for a design when the caller gives none. */
    public static long defaultKnockoffSeed(Design design) {
        return design.seed() ^ KNOCKOFF_SALT;
    }

    /** Row j's knockoff indicators: N fresh Bernoulli(pⱼ) draws from the stream keyed by (seed, j). */
    public static BitSet knockoffMask(Submodel submodel, int points, long knockoffSeed) {
        return Design.bernoulliMask(Design.streamFor(knockoffSeed, submodel.index()), points, submodel.p());
    }

    /**
     * The augmented design: columns 0..N−1 are the points, N..2N−1 their knockoffs, one bucket per grid value.
     */
    public static DesignMatrix augmentedDesign(List<Submodel> submodels, int points, int gridSize,
            long knockoffSeed) {
        return DesignMatrix.ame(submodels, 2 * points, gridSize, s -> {
            BitSet row = new BitSet(2 * points);
            row.or(s.mask().get(0, points));
            BitSet copy = knockoffMask(s, points, knockoffSeed);
            for (int i = copy.nextSetBit(0); i >= 0; i = copy.nextSetBit(i + 1)) {
                row.set(points + i);
            }
            return row;
        });
    }

    /** Estimates and selects with the design's default knockoff seed. */
    public List<KnockoffAmeResult> estimate(Design design, double[][] outcomes, double q, KnockoffVariant variant) {
        return estimate(design, defaultKnockoffSeed(design), outcomes, q, variant);
    }

    /**
     * Fits every query on the first {@code outcomes[0].length} submodels plus their knockoffs and applies the
     * knockoff filter at FDR level q on both sides.
     *
     * @throws AmeException when q is outside (0, 1) or there are no queries
     */
    public List<KnockoffAmeResult> estimate(Design design, long knockoffSeed, double[][] outcomes, double q,
            KnockoffVariant variant) {
        KnockoffFilter.requireFdr(q);
        if (outcomes.length == 0) {
            throw new AmeException("no queries to estimate; give at least one outcome column");
        }
        int n = design.points();
        double[] grid = design.grid();
        DesignMatrix matrix = augmentedDesign(design.submodels(outcomes[0].length), n, grid.length, knockoffSeed);
        double v = AmeEstimator.scale(grid);
        List<LassoFit> fits = LassoCrossValidation.fit(matrix, outcomes, settings);
        List<KnockoffAmeResult> results = new ArrayList<>(fits.size());
        for (int query = 0; query < fits.size(); query++) {
            LassoFit fit = fits.get(query);
            double[] beta = fit.coefficients();
            double[] original = Arrays.copyOfRange(beta, 0, n);
            double[] knockoff = Arrays.copyOfRange(beta, n, 2 * n);
            KnockoffSelection helping = KnockoffFilter.select(
                    KnockoffFilter.helpingStatistics(original, knockoff), q, variant);
            KnockoffSelection hurting = KnockoffFilter.select(
                    KnockoffFilter.hurtingStatistics(original, knockoff), q, variant);
            results.add(new KnockoffAmeResult(query, scaled(original, v), scaled(knockoff, v), helping, hurting,
                    fit.lambda()));
        }
        return results;
    }

    private static double[] scaled(double[] beta, double v) {
        double[] out = new double[beta.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = beta[i] * v;
        }
        return out;
    }
}
