package dev.crest.ame.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.design.Submodel;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Checks the screened covariance/naive hybrid solver against first principles on designs wider than tall (where the
 * strong rule, the screened KKT checks and the Gram bookkeeping all matter): the KKT conditions at every path
 * point, computed densely, and the cross-validation curve against the dense oracle on the same folds.
 */
class LassoOptimalityTest {

    private static double[][] dense(DesignMatrix x) {
        double[][] d = new double[x.rows()][x.columns()];
        for (int j = 0; j < x.rows(); j++) {
            for (int i = 0; i < x.columns(); i++) {
                d[j][i] = x.entry(j, i);
            }
        }
        return d;
    }

    /** An AME design with buckets, or the same rows with one intercept bucket (the plain problem). */
    private static DesignMatrix design(int m, int n, long seed, boolean gridBuckets) {
        Design design = Design.withDefaultGrid(n, seed);
        if (gridBuckets) {
            return DesignMatrix.ame(design, m);
        }
        List<Submodel> rows = design.submodels(m);
        double[] in = new double[m];
        double[] out = new double[m];
        BitSet[] masks = new BitSet[m];
        for (int j = 0; j < m; j++) {
            in[j] = 1 / rows.get(j).p();
            out[j] = -1 / (1 - rows.get(j).p());
            masks[j] = rows.get(j).mask();
        }
        return DesignMatrix.fromRows(n, in, out, new int[m], 1, masks);
    }

    private static double[] plantedOutcome(DesignMatrix x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.rows()];
        for (int t = 0; t < 5; t++) {
            int column = random.nextInt(x.columns());
            double weight = random.nextDouble(-0.4, 0.4);
            for (int j = 0; j < x.rows(); j++) {
                y[j] += weight * x.entry(j, column);
            }
        }
        for (int j = 0; j < x.rows(); j++) {
            y[j] += 0.7 * x.bucket(j) + random.nextGaussian();
        }
        return y;
    }

    @Property(tries = 20)
    void everyPathPointSatisfiesTheKktConditions(@ForAll @IntRange(min = 20, max = 90) int m,
            @ForAll @IntRange(min = 30, max = 250) int n, @ForAll boolean gridBuckets, @ForAll long seed) {
        DesignMatrix x = design(m, n, seed, gridBuckets);
        double[][] d = dense(x);
        double[] y = plantedOutcome(x, seed);
        LassoSettings settings = LassoSettings.defaults().withLambdaCount(25).withLambdaMinRatio(0.02)
                .withTolerance(1e-16);
        LassoPath path = new LassoPath(x);
        List<PathPoint> points = path.fit(y, path.lambdaPath(y, settings), settings, false);
        for (PathPoint point : points) {
            double[] beta = point.denseCoefficients(n);
            double[] residual = new double[m];
            for (int j = 0; j < m; j++) {
                residual[j] = y[j] - point.bucketIntercepts()[x.bucket(j)];
                for (int i = 0; i < n; i++) {
                    residual[j] -= d[j][i] * beta[i];
                }
            }
            // The unpenalized bucket coefficients: the residual sums to zero within each bucket.
            double[] bucketSums = new double[Math.max(1, x.bucketCount())];
            for (int j = 0; j < m; j++) {
                bucketSums[x.bucket(j)] += residual[j];
            }
            for (double sum : bucketSums) {
                assertThat(sum / m).isCloseTo(0, within(1e-9));
            }
            double lambda = point.lambda();
            for (int i = 0; i < n; i++) {
                double gradient = 0;
                for (int j = 0; j < m; j++) {
                    gradient += d[j][i] * residual[j];
                }
                gradient /= m;
                if (beta[i] == 0) {
                    assertThat(Math.abs(gradient)).as("|gradient| of zero β_%d at λ %s", i, lambda)
                            .isLessThanOrEqualTo(lambda + 1e-6);
                } else {
                    assertThat(gradient).as("gradient of nonzero β_%d at λ %s", i, lambda)
                            .isCloseTo(Math.signum(beta[i]) * lambda, within(1e-6));
                }
            }
        }
    }

    @Test
    void crossValidationCurveMatchesTheDenseOracleOnTheSameFolds() {
        int m = 90;
        int n = 12;
        DesignMatrix x = design(m, n, 31L, true);
        double[][] d = dense(x);
        double[] y = plantedOutcome(x, 32L);
        LassoSettings settings = LassoSettings.defaults().withLambdaCount(15).withLambdaMinRatio(0.01)
                .withTolerance(1e-16).withRule(LambdaRule.MINIMUM);
        LassoCrossValidation cv = new LassoCrossValidation(x, settings);
        LassoFit fit = cv.fit(new double[][] {y}).get(0);
        int[] foldOf = cv.foldAssignment();
        double[] lambdas = fit.lambdas();
        double[][] errors = new double[settings.folds()][lambdas.length];
        for (int f = 0; f < settings.folds(); f++) {
            final int fold = f;
            int[] train = IntStream.range(0, m).filter(j -> foldOf[j] != fold).toArray();
            double[][] trainX = new double[train.length][];
            double[] trainY = new double[train.length];
            int[] trainBucket = new int[train.length];
            for (int t = 0; t < train.length; t++) {
                trainX[t] = d[train[t]];
                trainY[t] = y[train[t]];
                trainBucket[t] = x.bucket(train[t]);
            }
            for (int l = 0; l < lambdas.length; l++) {
                double[] alpha = new double[4];
                double[] beta = DenseLassoOracle.solve(trainX, trainBucket, 4, trainY, lambdas[l], alpha);
                double sum = 0;
                int count = 0;
                for (int j = 0; j < m; j++) {
                    if (foldOf[j] == fold) {
                        double prediction = alpha[x.bucket(j)];
                        for (int i = 0; i < n; i++) {
                            prediction += d[j][i] * beta[i];
                        }
                        sum += (y[j] - prediction) * (y[j] - prediction);
                        count++;
                    }
                }
                errors[f][l] = sum / count;
            }
        }
        int oracleMinimum = 0;
        double[] mean = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            for (int f = 0; f < settings.folds(); f++) {
                mean[l] += errors[f][l] / settings.folds();
            }
            assertThat(fit.cvMeanError()[l]).as("CV error at λ #%d", l).isCloseTo(mean[l], within(1e-6));
            if (mean[l] < mean[oracleMinimum]) {
                oracleMinimum = l;
            }
        }
        assertThat(fit.minimumIndex()).isEqualTo(oracleMinimum);
        assertThat(fit.chosenIndex()).isEqualTo(oracleMinimum);
    }

    @Test
    void aTinyProductCacheGivesTheSamePath() {
        // A full cache switches the fit to naive updates; before that, grown columns may be evicted and recomputed.
        DesignMatrix x = design(60, 200, 41L, true);
        double[] y = plantedOutcome(x, 42L);
        LassoSettings settings = LassoSettings.defaults().withLambdaCount(30).withLambdaMinRatio(0.01);
        LassoPath cached = new LassoPath(x);
        LassoPath uncached = new LassoPath(x, 500);
        double[] lambdas = cached.lambdaPath(y, settings);
        List<PathPoint> expected = cached.fit(y, lambdas, settings, true);
        List<PathPoint> actual = uncached.fit(y, lambdas, settings, true);
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k).denseCoefficients(200))
                    .containsExactly(expected.get(k).denseCoefficients(200), within(1e-12));
        }
    }

    @Test
    void covarianceNaiveAndHybridUpdatesGiveTheSamePath() {
        // A switch point of 0.2·M = 16 columns: the path starts with fewer strong columns than that and ends with
        // far more, so the hybrid fit changes mode partway; covariance-only and naive-only bracket it.
        int m = 80;
        int n = 300;
        DesignMatrix x = design(m, n, 43L, true);
        double[] y = plantedOutcome(x, 44L);
        LassoSettings settings = LassoSettings.defaults().withLambdaCount(40).withLambdaMinRatio(0.01)
                .withTolerance(1e-14);
        LassoPath covariance = new LassoPath(x, StrongSetDescent.DEFAULT_CACHE_BUDGET, Double.POSITIVE_INFINITY);
        LassoPath naive = new LassoPath(x, StrongSetDescent.DEFAULT_CACHE_BUDGET, 0);
        LassoPath hybrid = new LassoPath(x, StrongSetDescent.DEFAULT_CACHE_BUDGET, 0.2);
        double[] lambdas = covariance.lambdaPath(y, settings);
        List<PathPoint> expected = covariance.fit(y, lambdas, settings, false);
        assertThat(expected.get(1).indices().length).isLessThan(16);
        assertThat(expected.get(expected.size() - 1).indices().length).isGreaterThan(16);
        for (LassoPath other : List.of(naive, hybrid)) {
            List<PathPoint> actual = other.fit(y, lambdas, settings, false);
            assertThat(actual).hasSameSizeAs(expected);
            for (int k = 0; k < expected.size(); k++) {
                assertThat(actual.get(k).denseCoefficients(n))
                        .containsExactly(expected.get(k).denseCoefficients(n), within(1e-9));
                assertThat(actual.get(k).bucketIntercepts())
                        .containsExactly(expected.get(k).bucketIntercepts(), within(1e-9));
            }
        }
    }
}
