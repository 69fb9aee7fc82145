package dev.crest.ame.lasso;

import dev.crest.ame.AmeException;

/**
 * Settings of the cross-validated LASSO path, validated at construction. Defaults ({@link #defaults()}):
 * 100 λ values log-spaced from λ_max down to 10⁻³·λ_max, 5 folds, the 1-SE rule, convergence tolerance 10⁻⁷
 * (relative to the null deviance, as in glmnet), at most 100,000 coordinate sweeps per λ, fold seed 0.
 *
 * @param lambdaCount    number of λ values on the path (at least 1)
 * @param lambdaMinRatio smallest λ as a fraction of λ_max, in (0, 1)
 * @param folds          number of cross-validation folds over submodels (2..the number of submodels)
 * @param rule           how λ is chosen from the CV curve
 * @param tolerance      coordinate descent stops when max_i a_i·Δβ_i² is below tolerance × null deviance
 * @param maxSweeps      cap on coordinate sweeps per λ (a safety net; the path continues from where it is)
 * @param seed           seed of the random assignment of submodels to folds
 */
public record LassoSettings(int lambdaCount, double lambdaMinRatio, int folds, LambdaRule rule, double tolerance,
        int maxSweeps, long seed) {

    public LassoSettings {
        if (lambdaCount < 1) {
            throw new AmeException("the λ path needs at least one value, got " + lambdaCount);
        }
        if (!(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new AmeException("the smallest λ ratio must be in (0, 1), got " + lambdaMinRatio);
        }
        if (folds < 2) {
            throw new AmeException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (rule == null) {
            throw new AmeException("choose a λ rule: one standard error or minimum");
        }
        if (!(tolerance > 0)) {
            throw new AmeException("the convergence tolerance must be positive, got " + tolerance);
        }
        if (maxSweeps < 1) {
            throw new AmeException("the sweep cap must be at least 1, got " + maxSweeps);
        }
    }

    /** The documented defaults. */
    public static LassoSettings defaults() {
        return new LassoSettings(100, 1e-3, 5, LambdaRule.ONE_STANDARD_ERROR, 1e-7, 100_000, 0L);
    }

    public LassoSettings withRule(LambdaRule newRule) {
        return new LassoSettings(lambdaCount, lambdaMinRatio, folds, newRule, tolerance, maxSweeps, seed);
    }

    public LassoSettings withFolds(int newFolds) {
        return new LassoSettings(lambdaCount, lambdaMinRatio, newFolds, rule, tolerance, maxSweeps, seed);
    }

    public LassoSettings withLambdaCount(int newCount) {
        return new LassoSettings(newCount, lambdaMinRatio, folds, rule, tolerance, maxSweeps, seed);
    }

    public LassoSettings withLambdaMinRatio(double newRatio) {
        return new LassoSettings(lambdaCount, newRatio, folds, rule, tolerance, maxSweeps, seed);
    }

    public LassoSettings withTolerance(double newTolerance) {
        return new LassoSettings(lambdaCount, lambdaMinRatio, folds, rule, newTolerance, maxSweeps, seed);
    }

    public LassoSettings withSeed(long newSeed) {
        return new LassoSettings(lambdaCount, lambdaMinRatio, folds, rule, tolerance, maxSweeps, newSeed);
    }
}
