package dev.crest.ame.lasso;

import dev.crest.ame.design.DesignMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Pathwise coordinate descent for the LASSO on a {@link DesignMatrix} with unpenalized bucket indicator
 * columns (Friedman, Hastie &amp; Tibshirani, "Regularization Paths for Generalized Linear Models via
 * Coordinate Descent", 2010; strong rules from Tibshirani et al., 2012). It minimizes
 * {@code (1/2M)·‖y − Xβ − Bα‖² + λ‖β‖₁} where B holds one 0/1 indicator column per bucket and α is not
 * penalized.
 *
 * <p>Deliberate differences from glmnet: columns are <b>not</b> standardized — every point column of an AME
 * design is identically distributed by construction, so an equal penalty on β in raw feature units is the
 * natural choice and keeps β on the scale the AME formula needs. There is no global intercept; the bucket
 * columns play its role. They are handled exactly by centering: because every row lies in exactly one bucket,
 * minimizing over α first leaves a LASSO on within-bucket-centred y and X, and then
 * {@code α_b = mean_b(y) − Σ_i mean_b(X_i)·β_i}. The centred columns are never materialized: the residual is
 * kept bucket-centred, so a raw column's dot product with it equals the centred one's, and only residual
 * updates subtract the column's bucket means. A design without buckets is fitted without any intercept.
 *
 * <p>Warm starts run along the path; at each λ the sequential strong rule screens columns, coordinate descent
 * cycles the strong set (full sweeps alternating with sweeps over the nonzero coefficients only), and a
 * KKT check over all columns adds any violators before moving on. Like glmnet, the path stops early when
 * the explained fraction of deviance exceeds 0.999 or improves by less than 10⁻⁵ between steps
 * ({@link #fit(double[], double[], LassoSettings, boolean)} can disable that).
 */
public final class LassoPath {
    private final DesignMatrix x;
    private final int m;
    private final int n;
    private final int buckets;
    private final boolean centred;
    private final int[] bucketOfRow;
    private final int[] bucketSize;
    private final double[] outColumn;
    /** Column i's mean in bucket b at {@code [i * buckets + b]}. */
    private final double[] means;
    /** Centred squared column norm divided by M (a_i, the curvature of coordinate i). */
    private final double[] curvature;
    /** {@code Σ_j outValue_j · X̃_ji}: how a centred column update shifts the shared part of dot products. */
    private final double[] outShift;

    /** Prepares the per-column quantities of {@code x}, shared by every outcome fitted on it. */
    public LassoPath(DesignMatrix x) {
        this.x = x;
        this.m = x.rows();
        this.n = x.columns();
        this.centred = x.bucketCount() > 0;
        this.buckets = Math.max(1, x.bucketCount());
        this.bucketOfRow = new int[m];
        this.bucketSize = new int[buckets];
        for (int j = 0; j < m; j++) {
            bucketOfRow[j] = x.bucket(j);
            bucketSize[bucketOfRow[j]]++;
        }
        this.outColumn = new double[m];
        for (int j = 0; j < m; j++) {
            outColumn[j] = x.outValue(j);
        }
        double[] outBucketSums = new double[buckets];
        for (int j = 0; j < m; j++) {
            outBucketSums[bucketOfRow[j]] += outColumn[j];
        }
        this.means = new double[n * buckets];
        this.curvature = new double[n];
        this.outShift = new double[n];
        double outSelf = x.outDot(outColumn);
        for (int i = 0; i < n; i++) {
            double norm = x.squaredNorm(i);
            double shift = x.dot(i, outColumn, outSelf);
            if (centred) {
                double[] sums = x.bucketSums(i);
                for (int b = 0; b < buckets; b++) {
                    if (bucketSize[b] > 0) {
                        double mean = sums[b] / bucketSize[b];
                        means[i * buckets + b] = mean;
                        norm -= bucketSize[b] * mean * mean;
                        shift -= mean * outBucketSums[b];
                    }
                }
            }
            curvature[i] = Math.max(norm, 0) / m;
            outShift[i] = shift;
        }
    }

    /** The design this path fits. */
    public DesignMatrix design() {
        return x;
    }

    /** {@code y} centred within buckets (a copy; unchanged when the design has no buckets). */
    double[] centre(double[] y) {
        double[] r = y.clone();
        if (centred) {
            double[] bucketMeans = bucketMeans(y);
            for (int j = 0; j < m; j++) {
                r[j] -= bucketMeans[bucketOfRow[j]];
            }
        }
        return r;
    }

    private double[] bucketMeans(double[] y) {
        double[] sums = new double[buckets];
        for (int j = 0; j < m; j++) {
            sums[bucketOfRow[j]] += y[j];
        }
        for (int b = 0; b < buckets; b++) {
            sums[b] = bucketSize[b] > 0 ? sums[b] / bucketSize[b] : 0;
        }
        return sums;
    }

    /** λ_max: the smallest λ at which every coefficient is zero, {@code max_i |X̃_iᵀ ỹ| / M}. */
    public double lambdaMax(double[] y) {
        checkOutcome(y);
        double[] r = centre(y);
        // The same dot product the coordinate updates use, so rounding cannot make a coefficient move at λ_max.
        double shared = x.outDot(r);
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (curvature[i] > 0) {
                max = Math.max(max, Math.abs(x.dot(i, r, shared)) / m);
            }
        }
        return max;
    }

    /**
     * The λ path for {@code y}: {@code settings.lambdaCount()} values log-spaced from λ_max down to
     * {@code lambdaMinRatio·λ_max}; a single 0 when y is constant within buckets (nothing to fit).
     */
    public double[] lambdaPath(double[] y, LassoSettings settings) {
        double max = lambdaMax(y);
        if (!(max > 0)) {
            return new double[] {0.0};
        }
        int count = settings.lambdaCount();
        double[] lambdas = new double[count];
        for (int k = 0; k < count; k++) {
            double fraction = count == 1 ? 0 : (double) k / (count - 1);
            lambdas[k] = max * Math.pow(settings.lambdaMinRatio(), fraction);
        }
        lambdas[0] = max;
        return lambdas;
    }

    private void checkOutcome(double[] y) {
        if (y.length != m) {
            throw new IllegalArgumentException("outcome has " + y.length + " values for " + m + " submodels");
        }
    }

    /**
     * Fits the whole path with warm starts; {@code lambdas} must be decreasing. Returns one point per λ, or
     * fewer when {@code stopEarly} and the deviance criterion ends the path.
     */
    public List<PathPoint> fit(double[] y, double[] lambdas, LassoSettings settings, boolean stopEarly) {
        checkOutcome(y);
        double[] yMeans = centred ? bucketMeans(y) : new double[buckets];
        double globalMean = 0;
        for (double v : y) {
            globalMean += v;
        }
        globalMean /= m;
        double[] r = centre(y);
        double nullDeviance = 0;
        for (double v : r) {
            nullDeviance += v * v;
        }
        nullDeviance /= m;
        double threshold = settings.tolerance() * Math.max(nullDeviance, Double.MIN_NORMAL);

        double[] beta = new double[n];
        boolean[] strong = new boolean[n];
        double[] gradient = new double[n];
        x.columnDots(r, gradient);
        for (int i = 0; i < n; i++) {
            gradient[i] /= m;
        }
        List<PathPoint> path = new ArrayList<>(lambdas.length);
        double previousLambda = lambdas[0];
        double previousExplained = 0;
        for (int k = 0; k < lambdas.length; k++) {
            double lambda = lambdas[k];
            for (int i = 0; i < n; i++) {
                if (beta[i] != 0 || Math.abs(gradient[i]) >= 2 * lambda - previousLambda) {
                    strong[i] = true;
                }
            }
            while (true) {
                descend(strong, beta, r, lambda, threshold, settings.maxSweeps());
                x.columnDots(r, gradient);
                boolean violated = false;
                for (int i = 0; i < n; i++) {
                    gradient[i] /= m;
                    if (!strong[i] && curvature[i] > 0 && Math.abs(gradient[i]) > lambda) {
                        strong[i] = true;
                        violated = true;
                    }
                }
                if (!violated) {
                    break;
                }
            }
            path.add(point(lambda, beta, yMeans, globalMean));
            previousLambda = lambda;
            if (stopEarly && nullDeviance > 0) {
                double rss = 0;
                for (double v : r) {
                    rss += v * v;
                }
                double explained = 1 - rss / m / nullDeviance;
                if (k > 0 && (explained > 0.999 || explained - previousExplained < 1e-5 * explained)) {
                    break;
                }
                previousExplained = explained;
            }
        }
        return path;
    }

    /** Cyclic coordinate descent over the strong set until no coefficient moves by more than the threshold. */
    private void descend(boolean[] strong, double[] beta, double[] r, double lambda, double threshold,
            int maxSweeps) {
        int[] strongList = indicesOf(strong);
        int sweeps = 0;
        while (sweeps < maxSweeps) {
            double change = sweep(strongList, beta, r, lambda);
            sweeps++;
            if (change < threshold) {
                return;
            }
            int[] active = nonzero(strongList, beta);
            while (sweeps < maxSweeps) {
                double activeChange = sweep(active, beta, r, lambda);
                sweeps++;
                if (activeChange < threshold) {
                    break;
                }
            }
        }
    }

    private double sweep(int[] columns, double[] beta, double[] r, double lambda) {
        double shared = x.outDot(r);
        double maxChange = 0;
        for (int i : columns) {
            double a = curvature[i];
            if (a <= 0) {
                continue;
            }
            double g = x.dot(i, r, shared) / m;
            double z = g + a * beta[i];
            double updated = softThreshold(z, lambda) / a;
            double delta = updated - beta[i];
            if (delta != 0) {
                beta[i] = updated;
                subtractCentredColumn(i, delta, r);
                shared -= delta * outShift[i];
                maxChange = Math.max(maxChange, a * delta * delta);
            }
        }
        return maxChange;
    }

    private void subtractCentredColumn(int column, double delta, double[] r) {
        if (centred) {
            // One pass for the excluded-point value and the bucket mean together; the included rows follow.
            int base = column * buckets;
            for (int j = 0; j < m; j++) {
                r[j] -= delta * (outColumn[j] - means[base + bucketOfRow[j]]);
            }
            x.addIncludedSteps(column, -delta, r);
        } else {
            x.addColumn(column, -delta, r);
        }
    }

    private static double softThreshold(double z, double lambda) {
        if (z > lambda) {
            return z - lambda;
        }
        if (z < -lambda) {
            return z + lambda;
        }
        return 0;
    }

    private static int[] indicesOf(boolean[] flags) {
        int count = 0;
        for (boolean f : flags) {
            if (f) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int[] nonzero(int[] columns, double[] beta) {
        return Arrays.stream(columns).filter(i -> beta[i] != 0).toArray();
    }

    private PathPoint point(double lambda, double[] beta, double[] yMeans, double globalMean) {
        int[] indices = nonzero(IntStream.range(0, n).toArray(), beta);
        double[] values = new double[indices.length];
        double[] intercepts = new double[buckets];
        if (centred) {
            for (int b = 0; b < buckets; b++) {
                intercepts[b] = bucketSize[b] > 0 ? yMeans[b] : globalMean;
            }
        }
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            values[k] = beta[i];
            if (centred) {
                for (int b = 0; b < buckets; b++) {
                    if (bucketSize[b] > 0) {
                        intercepts[b] -= means[i * buckets + b] * beta[i];
                    }
                }
            }
        }
        return new PathPoint(lambda, indices, values, intercepts);
    }
}
