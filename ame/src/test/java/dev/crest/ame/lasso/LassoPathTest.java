package dev.crest.ame.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LassoPathTest {

    private static double objective(double[][] x, int[] bucket, double[] y, double[] beta, double[] alpha,
            double lambda) {
        double rss = 0;
        for (int j = 0; j < x.length; j++) {
            double pred = alpha[bucket[j]];
            for (int i = 0; i < beta.length; i++) {
                pred += x[j][i] * beta[i];
            }
            rss += (y[j] - pred) * (y[j] - pred);
        }
        double l1 = 0;
        for (double b : beta) {
            l1 += Math.abs(b);
        }
        return rss / (2 * x.length) + lambda * l1;
    }

    @Property(tries = 25)
    void pathMatchesDenseCoordinateDescentOracle(@ForAll @IntRange(min = 12, max = 80) int m,
            @ForAll @IntRange(min = 1, max = 12) int n, @ForAll long seed) {
        Design design = Design.withDefaultGrid(n, seed);
        DesignMatrix x = DesignMatrix.ame(design, m);
        double[][] dense = new double[m][n];
        int[] bucket = new int[m];
        for (int j = 0; j < m; j++) {
            bucket[j] = x.bucket(j);
            for (int i = 0; i < n; i++) {
                dense[j][i] = x.entry(j, i);
            }
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] w = random.doubles(n, -1, 1).toArray();
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = 0.3 * bucket[j] + random.nextGaussian() * 0.5;
            for (int i = 0; i < n; i++) {
                y[j] += 0.2 * w[i] * dense[j][i];
            }
        }
        LassoSettings settings = LassoSettings.defaults().withLambdaCount(12).withLambdaMinRatio(0.01)
                .withTolerance(1e-14);
        LassoPath path = new LassoPath(x);
        double[] lambdas = path.lambdaPath(y, settings);
        List<PathPoint> points = path.fit(y, lambdas, settings, false);
        assertThat(points).hasSize(lambdas.length);
        // At λ_max every coefficient is zero.
        assertThat(points.get(0).indices()).isEmpty();
        for (int k = 0; k < points.size(); k += 3) {
            PathPoint point = points.get(k);
            double[] alpha = new double[4];
            double[] expected = DenseLassoOracle.solve(dense, bucket, 4, y, point.lambda(), alpha);
            double[] beta = point.denseCoefficients(n);
            double mine = objective(dense, bucket, y, beta, point.bucketIntercepts(), point.lambda());
            double theirs = objective(dense, bucket, y, expected, alpha, point.lambda());
            assertThat(mine).isCloseTo(theirs, within(1e-8 * (1 + theirs)));
            // LASSO fitted values are unique even when coefficients are not (collinear columns in small designs).
            for (int j = 0; j < m; j++) {
                double fitted = point.bucketIntercepts()[bucket[j]];
                double oracleFitted = alpha[bucket[j]];
                for (int i = 0; i < n; i++) {
                    fitted += dense[j][i] * beta[i];
                    oracleFitted += dense[j][i] * expected[i];
                }
                assertThat(fitted).as("fitted value %d at λ #%d", j, k).isCloseTo(oracleFitted, within(1e-5));
            }
            if (m >= 5 * n) { // enough rows that the coefficients themselves are determined
                for (int i = 0; i < n; i++) {
                    assertThat(beta[i]).as("β_%d at λ #%d", i, k).isCloseTo(expected[i], within(1e-5));
                }
            }
        }
    }

    @Test
    void lambdaMaxIsTheSmallestLambdaWithAllZeroCoefficients() {
        DesignMatrix x = DesignMatrix.ame(Design.withDefaultGrid(10, 8L), 60);
        SplittableRandom random = new SplittableRandom(1);
        double[] y = random.doubles(60).toArray();
        LassoPath path = new LassoPath(x);
        double max = path.lambdaMax(y);
        LassoSettings settings = LassoSettings.defaults().withTolerance(1e-14);
        assertThat(path.fit(y, new double[] {max}, settings, false).get(0).indices()).isEmpty();
        assertThat(path.fit(y, new double[] {0.98 * max}, settings, false).get(0).indices()).hasSize(1);
    }

    @Test
    void aDesignWithoutBucketsFitsWithoutIntercept() {
        int m = 40;
        BitSet[] masks = new BitSet[m];
        double[] in = new double[m];
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            masks[j] = new BitSet();
            if (j % 2 == 0) {
                masks[j].set(0);
            }
            in[j] = 1;
            out[j] = -1;
        }
        DesignMatrix x = DesignMatrix.fromRows(1, in, out, null, 0, masks);
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = 3 * x.entry(j, 0) + 1; // the +1 cannot be absorbed: no intercept
        }
        LassoPath path = new LassoPath(x);
        // X is ±1 with zero mean, so λ_max = |Xᵀy|/M = 3 and the solution at λ is β = 3 − λ.
        assertThat(path.lambdaMax(y)).isCloseTo(3.0, within(1e-12));
        PathPoint point = path.fit(y, new double[] {3.0, 1.0}, LassoSettings.defaults(), false).get(1);
        assertThat(point.denseCoefficients(1)[0]).isCloseTo(2.0, within(1e-9));
        assertThat(point.bucketIntercepts()).containsExactly(0.0);
    }
}
