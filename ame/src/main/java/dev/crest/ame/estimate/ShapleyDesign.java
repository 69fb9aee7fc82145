package dev.crest.ame.estimate;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.Submodel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The subset design of the Shapley variant: submodel j draws pⱼ with density ∝ 1/(p(1−p)) on [ε, 1−ε], then
 * includes each point with probability pⱼ. Weighting p this way cancels the p(1−p) variance of the feature
 * x − p, so the regression coefficient averages the AME uniformly over p ∈ [ε, 1−ε]: the Shapley value
 * truncated to that interval.
 *
 * <p>Sampling is by inverse CDF: the CDF is (logit p − logit ε) / (logit(1−ε) − logit ε), so
 * p = sigmoid(logit ε + u·(logit(1−ε) − logit ε)) with u ~ Uniform(0, 1). Rows are prefix-stable: row j
 * depends only on (seed, j), through {@link Design#streamFor}.
 */
public final class ShapleyDesign {
    /** The default truncation ε = 0.01: the estimate then differs from the Shapley value by at most ~2%. */
    public static final double DEFAULT_EPSILON = 0.01;

    private final int points;
    private final double epsilon;
    private final long seed;

    /**
     * @throws AmeException when there are no points or ε is not in (0, 0.5)
     */
    public ShapleyDesign(int points, double epsilon, long seed) {
        if (points < 1) {
            throw new AmeException("the design needs at least one training point, got " + points);
        }
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new AmeException("the Shapley truncation ε must be strictly between 0 and 0.5, got " + epsilon);
        }
        this.points = points;
        this.epsilon = epsilon;
        this.seed = seed;
    }

    /** Number of training points N. */
    public int points() {
        return points;
    }

    /** The truncation ε. */
    public double epsilon() {
        return epsilon;
    }

    /** The design's seed. */
    public long seed() {
        return seed;
    }

    /** The inverse CDF of the density ∝ 1/(p(1−p)) on [ε, 1−ε] at u ∈ [0, 1]. */
    public static double inverseCdf(double u, double epsilon) {
        double low = logit(epsilon);
        double high = logit(1 - epsilon);
        return 1 / (1 + Math.exp(-(low + u * (high - low))));
    }

    /** Submodel j (its grid index is always 0: the variant has a continuous p and no bucket columns). */
    public Submodel submodel(int j) {
        if (j < 0) {
            throw new IllegalArgumentException("submodel index must be non-negative: " + j);
        }
        SplittableRandom random = Design.streamFor(seed, j);
        double p = inverseCdf(random.nextDouble(), epsilon);
        return new Submodel(j, 0, p, Design.bernoulliMask(random, points, p));
    }

    /** Submodels 0..count−1. */
    public List<Submodel> submodels(int count) {
        return Design.firstRows(count, this::submodel);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
