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
 *
 * <p>What makes it fast on bit-column designs:
 * <ul>
 *   <li>Covariance-mode descent ({@link StrongSetDescent}): updates move gradients through column products
 *       instead of touching the M-row residual, and each product {@code X̃_aᵀX̃_b} costs one AND + popcount
 *       per 64 rows, because an entry is {@code out_j + step_j·bit} and {@code step_j} takes one value per grid
 *       value. The rows are regrouped by step value once (a private copy of the bits, unless the caller's rows
 *       already are), so each value is a contiguous run of words.</li>
 *   <li>Naive mode for wide fits: once a fit's strong set holds more than {@code naiveRatio·M} columns (default
 *       M) or its product cache is full, it switches to residual updates that touch only the moved column's set
 *       bits ({@link #residualGradient}), as glmnet does when columns outnumber rows.</li>
 *   <li>Screened KKT checks: the descent tracks ‖r − r_ref‖ exactly, so a column whose gradient at the
 *       reference residual is further from ±λ than {@code ‖X̃_i‖·‖r − r_ref‖/M} cannot violate and is not
 *       touched. The residual itself is brought up to date only when some column needs an exact check.</li>
 *   <li>All-column gradients use {@link DesignMatrix#columnDots} (table look-ups per 8 rows).</li>
 * </ul>
  */
public final class LassoPath {
    private final DesignMatrix original;
    private final long gramCacheBudget;
    /** Strong-set size above which a path fit switches from covariance to naive updates. */
    private final int naiveFromStrongSize;
    /**
     * The default switch point, as a multiple of M: a covariance update costs one multiply-add per strong column
     * (plus, the first time, a popcount product per 64 rows), a naive one two passes over the column's ~M/2 set
     * bits; measured on the bench design (bench/README.md), naive wins from about this strong-set size.
     */
    static final double DEFAULT_NAIVE_RATIO = 1.0;
    /** Row j of {@link #x} is row {@code rowOrder[j]} of the caller's design; null when the orders agree. */
    private final int[] rowOrder;
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
    /** {@code Σ_{j included} outValue_j·(inValue_j − outValue_j)}: column i's own part of every product X_iᵀX_k. */
    private final double[] includedOutSteps;
    /** {@code Σ_j outValue_j²}: the part of every column product shared by all pairs. */
    private final double outSelf;
    private final int[] populatedBuckets;

    /** Prepares the per-column quantities of {@code x}, shared by every outcome fitted on it. */
    public LassoPath(DesignMatrix x) {
        this(x, StrongSetDescent.DEFAULT_CACHE_BUDGET);
    }

    /** As {@link #LassoPath(DesignMatrix)}, keeping at most {@code gramCacheBudget} column products cached per fit. */
    LassoPath(DesignMatrix x, long gramCacheBudget) {
        this(x, gramCacheBudget, DEFAULT_NAIVE_RATIO);
    }

    /**
     * As {@link #LassoPath(DesignMatrix, long)}, switching a fit to naive updates once its strong set holds more
     * than {@code naiveRatio·M} columns (0: naive from the start; infinity: only when the cache is full).
     */
    LassoPath(DesignMatrix x, long gramCacheBudget, double naiveRatio) {
        this.gramCacheBudget = gramCacheBudget;
        this.naiveFromStrongSize = (int) Math.min(Integer.MAX_VALUE, Math.floor(naiveRatio * x.rows()));
        this.original = x;
        int[] grouped = x.rowsGroupedByStep();
        boolean identity = true;
        for (int j = 0; j < grouped.length; j++) {
            identity &= grouped[j] == j;
        }
        // Rows are regrouped by step value (a private copy of the bits) so column products are word-range popcounts.
        this.rowOrder = identity ? null : grouped;
        x = identity ? x : x.selectRows(grouped);
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
        this.means = new double[n * buckets];
        this.curvature = new double[n];
        this.includedOutSteps = new double[n];
        this.outSelf = x.outDot(outColumn);
        for (int i = 0; i < n; i++) {
            double norm = x.squaredNorm(i);
            includedOutSteps[i] = x.dot(i, outColumn, 0);
            if (centred) {
                double[] sums = x.bucketSums(i);
                for (int b = 0; b < buckets; b++) {
                    if (bucketSize[b] > 0) {
                        double mean = sums[b] / bucketSize[b];
                        means[i * buckets + b] = mean;
                        norm -= bucketSize[b] * mean * mean;
                    }
                }
            }
            curvature[i] = Math.max(norm, 0) / m;
        }
        this.populatedBuckets = IntStream.range(0, buckets).filter(b -> bucketSize[b] > 0).toArray();
    }

    /**
     * {@code X̃_aᵀX̃_b / M} for the (bucket-centred) columns a and b. Every entry of a column is
     * {@code out_j + step_j·[j includes the point]}, so the raw product splits into
     * {@code Σ out² + Σ_{S_a} out·step + Σ_{S_b} out·step + Σ_{S_a∩S_b} step²}: two precomputed per-column
     * sums and one popcount-based term; centring subtracts {@code Σ_b n_b·mean_ab·mean_bb}. Fills
     * {@code products[t]} with the product of columns a and {@code others[t]} for {@code t} in {@code [from, to)};
     * {@code packedBits} holds the bits of the others in that order (see {@link DesignMatrix#copyColumnBits}).
     */
    void gramEntries(int a, int[] others, long[] packedBits, int from, int to, double[] products) {
        x.includedStepSquares(a, others, packedBits, from, to, products);
        double[] weighted = new double[buckets];
        if (centred) {
            for (int bucket : populatedBuckets) {
                weighted[bucket] = bucketSize[bucket] * means[a * buckets + bucket];
            }
        }
        double shared = outSelf + includedOutSteps[a];
        for (int t = from; t < to; t++) {
            int b = others[t];
            double product = shared + includedOutSteps[b] + products[t];
            if (centred) {
                int base = b * buckets;
                for (int bucket : populatedBuckets) {
                    product -= weighted[bucket] * means[base + bucket];
                }
            }
            products[t] = product / m;
        }
    }

    /** Length of naive mode's per-bucket shift array. */
    int bucketSlots() {
        return buckets;
    }

    /** {@code Σ_j out_j·v_j} in this path's row order. */
    double outDot(double[] v) {
        return x.outDot(v);
    }

    /**
     * {@code X̃_iᵀr/M} for naive mode's residual {@code r = p − T·out + S_bucket}: because r is bucket-centred,
     * {@code X̃_iᵀr = X_iᵀr = outᵀp − T·(Σout² + Σ_{S_i}out·step) + Σ_b S_b·n_b·mean_ib + Σ_{S_i}step·p}, so only
     * the last term touches rows, and only column i's set bits.
     */
    double residualGradient(int column, StrongSetDescent.ResidualState state) {
        double g = state.outDotPartial - state.totalDelta * (outSelf + includedOutSteps[column])
                + x.dot(column, state.partial, 0);
        if (centred) {
            int base = column * buckets;
            for (int bucket : populatedBuckets) {
                g += state.bucketShift[bucket] * bucketSize[bucket] * means[base + bucket];
            }
        }
        return g / m;
    }

    /** Naive mode's update {@code r −= δ·X̃_k}: the set bits of column k, plus the shared parts as scalars. */
    void subtractFromResidual(int column, double delta, StrongSetDescent.ResidualState state) {
        x.addIncludedSteps(column, -delta, state.partial);
        state.outDotPartial -= delta * includedOutSteps[column];
        state.totalDelta += delta;
        if (centred) {
            int base = column * buckets;
            for (int bucket : populatedBuckets) {
                state.bucketShift[bucket] += delta * means[base + bucket];
            }
        }
    }

    /** Writes naive mode's residual {@code p − T·out + S_bucket} into {@code r}. */
    void materializeResidual(StrongSetDescent.ResidualState state, double[] r) {
        double t = state.totalDelta;
        for (int j = 0; j < m; j++) {
            r[j] = state.partial[j] - t * outColumn[j] + state.bucketShift[bucketOfRow[j]];
        }
    }

    /** Words per column of the (regrouped) design's bitsets. */
    int wordsPerColumn() {
        return x.wordsPerColumn();
    }

    /** Copies column {@code column}'s bits of the (regrouped) design into {@code target} at {@code offset}. */
    void copyColumnBits(int column, long[] target, int offset) {
        x.copyColumnBits(column, target, offset);
    }

    /** The design this path fits. */
    public DesignMatrix design() {
        return original;
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
        double[] r = centre(inRowOrder(y));
        // The same gradients the path starts from, so rounding cannot make a coefficient move at λ_max.
        double[] gradient = new double[n];
        x.columnDots(r, gradient);
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (curvature[i] > 0) {
                max = Math.max(max, Math.abs(gradient[i] / m));
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

    /** Checks an outcome in the caller's row order and returns it in this path's (grouped) row order. */
    private double[] inRowOrder(double[] y) {
        if (y.length != m) {
            throw new IllegalArgumentException("outcome has " + y.length + " values for " + m + " submodels");
        }
        if (rowOrder == null) {
            return y;
        }
        double[] permuted = new double[m];
        for (int j = 0; j < m; j++) {
            permuted[j] = y[rowOrder[j]];
        }
        return permuted;
    }

    /**
     * Fits the whole path with warm starts; {@code lambdas} must be decreasing. Returns one point per λ, or
     * fewer when {@code stopEarly} and the deviance criterion ends the path.
     */
    public List<PathPoint> fit(double[] outcome, double[] lambdas, LassoSettings settings, boolean stopEarly) {
        double[] y = inRowOrder(outcome);
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
        // The coefficients the residual r currently reflects: descent works on gradients, and r is brought up
        // to date only when a KKT check needs exact gradients.
        double[] betaOfResidual = new double[n];
        // Gradients X̃ᵀr/M of every column at the reference residual (the last full check).
        double[] gradient = new double[n];
        x.columnDots(r, gradient);
        for (int i = 0; i < n; i++) {
            gradient[i] = gradient[i] / m;
        }
        StrongSetDescent descent = new StrongSetDescent(this, curvature, gradient, nullDeviance, gramCacheBudget);
        // Rounding slack on the screening bound, far above the drift of the tracked distance.
        double slack = 1e-9 * Math.sqrt(Math.max(nullDeviance, Double.MIN_NORMAL));
        int[] candidates = new int[n];
        List<PathPoint> path = new ArrayList<>(lambdas.length);
        double previousLambda = lambdas[0];
        double previousExplained = 0;
        for (int k = 0; k < lambdas.length; k++) {
            double lambda = lambdas[k];
            // Sequential strong rule on the reference gradients (a heuristic: the KKT check below is what
            // guarantees the solution).
            int joining = 0;
            for (int i = 0; i < n; i++) {
                if (!descent.contains(i) && curvature[i] > 0
                        && Math.abs(gradient[i]) >= 2 * lambda - previousLambda) {
                    candidates[joining++] = i;
                }
            }
            if (joining > 0 && descent.updatesSinceReference() == 0) {
                for (int c = 0; c < joining; c++) {
                    descent.add(candidates[c], gradient[candidates[c]]);
                }
            } else if (joining > 0) {
                // The descent needs each joining column's current gradient, which the reference predates.
                syncResidual(descent, beta, betaOfResidual, r);
                double shared = x.outDot(r);
                for (int c = 0; c < joining; c++) {
                    descent.add(candidates[c], x.dot(candidates[c], r, shared) / m);
                }
            }
            while (true) {
                if (!descent.usesResidual() && (descent.size() > naiveFromStrongSize || descent.cacheFull())) {
                    syncResidual(descent, beta, betaOfResidual, r);
                    descent.switchToResidual(r);
                }
                descend(descent, beta, lambda, threshold, settings.maxSweeps());
                // KKT check. A column's gradient moved from its reference value by at most
                // ‖X̃_i‖·‖r − r_ref‖/M (Cauchy–Schwarz), and the descent tracks ‖r − r_ref‖²/M exactly, so only
                // columns whose bound reaches λ can violate; the others need no dot product at all.
                double distance = Math.sqrt(descent.referenceDistanceSquared()) + slack;
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (!descent.contains(i) && curvature[i] > 0
                            && Math.abs(gradient[i]) + Math.sqrt(curvature[i]) * distance > lambda) {
                        candidates[count++] = i;
                    }
                }
                if (count == 0) {
                    break;
                }
                syncResidual(descent, beta, betaOfResidual, r);
                boolean violated = false;
                if (count <= n / 8) {
                    double shared = x.outDot(r);
                    for (int c = 0; c < count; c++) {
                        int i = candidates[c];
                        double exact = x.dot(i, r, shared) / m;
                        if (Math.abs(exact) > lambda) {
                            descent.add(i, exact);
                            violated = true;
                        }
                    }
                } else {
                    x.columnDots(r, gradient);
                    for (int i = 0; i < n; i++) {
                        gradient[i] /= m;
                    }
                    descent.resetReference(squaredNorm(r) / m);
                    for (int i = 0; i < n; i++) {
                        if (!descent.contains(i) && curvature[i] > 0 && Math.abs(gradient[i]) > lambda) {
                            descent.add(i, gradient[i]);
                            violated = true;
                        }
                    }
                }
                if (!violated) {
                    break;
                }
            }
            path.add(point(lambda, beta, yMeans, globalMean));
            previousLambda = lambda;
            if (stopEarly && nullDeviance > 0) {
                double explained = 1 - descent.residualSquares() / nullDeviance;
                if (k > 0 && (explained > 0.999 || explained - previousExplained < 1e-5 * explained)) {
                    break;
                }
                previousExplained = explained;
            }
        }
        return path;
    }

    private static double squaredNorm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    /**
     * Brings the residual up to date with the coefficients that moved since it was last synced. The parts of
     * the columns shared by all rows (excluded-point values, bucket means) are summed first and applied in
     * one pass; each moved column then adds only its included rows.
     */
    private void syncResidual(StrongSetDescent descent, double[] beta, double[] betaOfResidual, double[] r) {
        if (descent.usesResidual()) {
            descent.writeResidual(r);
            for (int s : descent.allSlots()) {
                int i = descent.column(s);
                betaOfResidual[i] = beta[i];
            }
            return;
        }
        double totalDelta = 0;
        double[] bucketShift = new double[buckets];
        for (int s : descent.allSlots()) {
            int i = descent.column(s);
            double delta = beta[i] - betaOfResidual[i];
            if (delta != 0) {
                x.addIncludedSteps(i, -delta, r);
                totalDelta += delta;
                if (centred) {
                    for (int b = 0; b < buckets; b++) {
                        bucketShift[b] += delta * means[i * buckets + b];
                    }
                }
                betaOfResidual[i] = beta[i];
            }
        }
        if (totalDelta != 0) {
            for (int j = 0; j < m; j++) {
                r[j] -= totalDelta * outColumn[j] - bucketShift[bucketOfRow[j]];
            }
        }
    }

    /**
     * Cyclic coordinate descent over the strong set until no coefficient moves by more than the threshold:
     * full sweeps alternating with sweeps over the nonzero coefficients only.
     */
    private static void descend(StrongSetDescent descent, double[] beta, double lambda, double threshold,
            int maxSweeps) {
        int[] strongSlots = descent.allSlots();
        int sweeps = 0;
        while (sweeps < maxSweeps) {
            double change = descent.sweep(strongSlots, beta, lambda);
            sweeps++;
            if (change < threshold) {
                return;
            }
            int[] active = descent.nonzeroSlots(beta);
            while (sweeps < maxSweeps) {
                double activeChange = descent.sweep(active, beta, lambda);
                sweeps++;
                if (activeChange < threshold) {
                    break;
                }
            }
        }
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
