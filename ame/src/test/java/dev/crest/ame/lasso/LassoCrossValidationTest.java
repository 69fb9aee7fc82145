package dev.crest.ame.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LassoCrossValidationTest {

    private static final int N = 80;
    private static final int M = 400;

    private static double[][] outcomes(DesignMatrix x, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] y = new double[2][M];
        for (int j = 0; j < M; j++) {
            double signal = 0.2 * x.entry(j, 5) - 0.15 * x.entry(j, 40) + 0.1 * x.entry(j, 77);
            y[0][j] = signal + noise * random.nextGaussian();
            y[1][j] = noise * random.nextGaussian(); // pure noise: nothing to find
        }
        return y;
    }

    @Test
    void crossValidationPicksASensibleLambda() {
        DesignMatrix x = DesignMatrix.ame(Design.withDefaultGrid(N, 21L), M);
        double[][] y = outcomes(x, 0.5, 3);
        List<LassoFit> fits = LassoCrossValidation.fit(x, y, LassoSettings.defaults());
        LassoFit signal = fits.get(0);
        // The 1-SE λ is never smaller than the minimum-error λ, and is within one SE of it.
        assertThat(signal.oneStandardErrorIndex()).isLessThanOrEqualTo(signal.minimumIndex());
        assertThat(signal.chosenIndex()).isEqualTo(signal.oneStandardErrorIndex());
        assertThat(signal.cvMeanError()[signal.chosenIndex()])
                .isLessThanOrEqualTo(signal.cvMeanError()[signal.minimumIndex()]
                        + signal.cvStandardError()[signal.minimumIndex()]);
        // With real signal the chosen λ beats the empty model (λ_max) clearly and keeps the true columns.
        assertThat(signal.cvMeanError()[signal.chosenIndex()]).isLessThan(0.9 * signal.cvMeanError()[0]);
        assertThat(signal.lambda()).isLessThan(signal.lambdas()[0]);
        double[] beta = signal.coefficients();
        assertThat(beta[5]).isPositive();
        assertThat(beta[40]).isNegative();
        assertThat(beta[77]).isPositive();
        long falsePositives = 0;
        for (int i = 0; i < N; i++) {
            if (i != 5 && i != 40 && i != 77 && beta[i] != 0) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).isLessThanOrEqualTo(5);
        // Pure noise: the 1-SE rule keeps (nearly) the empty model.
        LassoFit noise = fits.get(1);
        long nonzero = Arrays.stream(noise.coefficients()).filter(b -> b != 0).count();
        assertThat(nonzero).isLessThanOrEqualTo(3);
    }

    @Test
    void minimumRuleChoosesTheSmallestCvError() {
        DesignMatrix x = DesignMatrix.ame(Design.withDefaultGrid(N, 22L), M);
        double[][] y = outcomes(x, 0.5, 4);
        LassoFit fit = LassoCrossValidation.fit(x, y, LassoSettings.defaults().withRule(LambdaRule.MINIMUM))
                .get(0);
        assertThat(fit.chosenIndex()).isEqualTo(fit.minimumIndex());
        for (double e : fit.cvMeanError()) {
            assertThat(fit.cvMeanError()[fit.chosenIndex()]).isLessThanOrEqualTo(e);
        }
    }

    @Test
    void sameSeedGivesTheSameResult() {
        DesignMatrix x = DesignMatrix.ame(Design.withDefaultGrid(N, 23L), M);
        double[][] y = outcomes(x, 0.5, 5);
        LassoFit a = LassoCrossValidation.fit(x, y, LassoSettings.defaults().withSeed(9)).get(0);
        LassoFit b = LassoCrossValidation.fit(x, y, LassoSettings.defaults().withSeed(9)).get(0);
        assertThat(a.cvMeanError()).containsExactly(b.cvMeanError());
        assertThat(a.coefficients()).containsExactly(b.coefficients());
    }

    @Test
    void badSettingsAndOutcomesGiveClearErrors() {
        assertThatThrownBy(() -> LassoSettings.defaults().withFolds(1))
                .isInstanceOf(AmeException.class).hasMessageContaining("at least 2 folds");
        assertThatThrownBy(() -> LassoSettings.defaults().withLambdaMinRatio(1.5))
                .isInstanceOf(AmeException.class).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> LassoSettings.defaults().withLambdaCount(0))
                .isInstanceOf(AmeException.class).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> LassoSettings.defaults().withRule(null))
                .isInstanceOf(AmeException.class).hasMessageContaining("λ rule");
        DesignMatrix x = DesignMatrix.ame(Design.withDefaultGrid(10, 1L), 4);
        assertThatThrownBy(() -> new LassoCrossValidation(x, LassoSettings.defaults()))
                .isInstanceOf(AmeException.class).hasMessageContaining("at least 5 submodels");
        DesignMatrix ok = DesignMatrix.ame(Design.withDefaultGrid(10, 1L), 20);
        assertThatThrownBy(() -> LassoCrossValidation.fit(ok, new double[][] {new double[19]},
                LassoSettings.defaults()))
                .isInstanceOf(AmeException.class).hasMessageContaining("19 outcomes for 20 submodels");
        double[] nan = new double[20];
        nan[3] = Double.NaN;
        assertThatThrownBy(() -> LassoCrossValidation.fit(ok, new double[][] {nan}, LassoSettings.defaults()))
                .isInstanceOf(AmeException.class).hasMessageContaining("non-finite outcome");
    }
}
