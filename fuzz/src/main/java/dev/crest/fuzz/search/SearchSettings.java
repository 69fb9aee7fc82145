package dev.crest.fuzz.search;

import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.autodiff.GradientMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link InputSearch}: the per-model time budget and iteration cap (the search stops at
 * whichever comes first), the range values are drawn from, and the gradient search's Adam learning rate,
 * gradient-norm clip and derivative mode. Defaults follow NNSmith: 20 ms, values in [3, 7], learning rate 0.5,
 * clip 0.1, proxy derivatives.
 *
 * @param budget wall-clock time per model; positive
 * @param maxIterations forward evaluations per model; positive (tests use it instead of time to stay deterministic)
 * @param initLow lower end of the uniform range values are drawn from (integers are rounded)
 * @param initHigh upper end of that range; at least {@code initLow}
 * @param learningRate Adam learning rate of the gradient search
 * @param gradientClip largest gradient norm an Adam step sees; larger gradients are scaled down to it
 * @param gradientMode how the tape differentiates flat operators ({@link GradientMode#PROXY} as NNSmith)
 * @param budgetClock what {@code budget} is measured on ({@link BudgetClock#WALL} by default, as NNSmith)
 */
public record SearchSettings(Duration budget, int maxIterations, double initLow, double initHigh,
        double learningRate, double gradientClip, GradientMode gradientMode, BudgetClock budgetClock) {
    /** NNSmith's default time budget per model. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(20);
    /** Enough iterations that the default time budget, not the count, ends a search. */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;

    public SearchSettings {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(gradientMode, "gradientMode");
        Objects.requireNonNull(budgetClock, "budgetClock");
        if (budget.isNegative() || budget.isZero()) {
            throw new FuzzException("the input-search budget must be positive, got " + budget.toMillis() + " ms");
        }
        if (maxIterations <= 0) {
            throw new FuzzException("the input-search iteration limit must be positive, got " + maxIterations);
        }
        if (!Double.isFinite(initLow) || !Double.isFinite(initHigh) || initLow > initHigh) {
            throw new FuzzException("the input-search value range must be finite with low <= high, got ["
                    + initLow + ", " + initHigh + "]");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new FuzzException("the input-search learning rate must be positive and finite, got " + learningRate);
        }
        if (!(gradientClip > 0) || !Double.isFinite(gradientClip)) {
            throw new FuzzException("the input-search gradient clip must be positive and finite, got " + gradientClip);
        }
    }

    /** NNSmith's settings: 20 ms, [3, 7], Adam at 0.5, clip 0.1, proxy derivatives. */
    public static SearchSettings defaults() {
        return new SearchSettings(DEFAULT_BUDGET, DEFAULT_MAX_ITERATIONS, 3, 7, 0.5, 0.1, GradientMode.PROXY,
                BudgetClock.WALL);
    }

    public SearchSettings withBudget(Duration value) {
        return new SearchSettings(value, maxIterations, initLow, initHigh, learningRate, gradientClip, gradientMode,
                budgetClock);
    }

    public SearchSettings withMaxIterations(int value) {
        return new SearchSettings(budget, value, initLow, initHigh, learningRate, gradientClip, gradientMode,
                budgetClock);
    }

    public SearchSettings withInitRange(double low, double high) {
        return new SearchSettings(budget, maxIterations, low, high, learningRate, gradientClip, gradientMode,
                budgetClock);
    }

    public SearchSettings withLearningRate(double value) {
        return new SearchSettings(budget, maxIterations, initLow, initHigh, value, gradientClip, gradientMode,
                budgetClock);
    }

    public SearchSettings withGradientClip(double value) {
        return new SearchSettings(budget, maxIterations, initLow, initHigh, learningRate, value, gradientMode,
                budgetClock);
    }

    public SearchSettings withBudgetClock(BudgetClock value) {
        return new SearchSettings(budget, maxIterations, initLow, initHigh, learningRate, gradientClip, gradientMode,
                value);
    }

    public SearchSettings withGradientMode(GradientMode value) {
        return new SearchSettings(budget, maxIterations, initLow, initHigh, learningRate, gradientClip, value,
                budgetClock);
    }
}
