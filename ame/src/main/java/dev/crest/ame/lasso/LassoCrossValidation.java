package dev.crest.ame.lasso;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.DesignMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * K-fold cross-validated LASSO paths for many outcome columns (queries) on one shared design, as glmnet's
 * {@code cv.glmnet} does for one: the λ path comes from the full data, each fold fits the same path on the
 * other folds' submodels and scores held-out squared error, and λ is chosen at the minimum or by the 1-SE
 * rule; the returned coefficients are the full-data fit at that λ. Folds are a seeded random partition of
 * the submodels, shared by all queries; per-design work (fold sub-designs, column norms and bucket means) is
 * done once, and queries are fitted in parallel.
 */
public final class LassoCrossValidation {
    private final DesignMatrix design;
    private final LassoSettings settings;
    private final LassoPath full;
    private final LassoPath[] train;
    private final DesignMatrix[] test;
    private final int[][] trainRows;
    private final int[][] testRows;
    private final int[] foldOf;

    /** Prepares the folds of {@code design}; fails with an {@link AmeException} when there are too few submodels. */
    public LassoCrossValidation(DesignMatrix design, LassoSettings settings) {
        int m = design.rows();
        int k = settings.folds();
        if (k > m) {
            throw new AmeException(k + "-fold cross-validation needs at least " + k + " submodels, got " + m);
        }
        this.design = design;
        this.settings = settings;
        int[] permutation = IntStream.range(0, m).toArray();
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        this.foldOf = new int[m];
        for (int pos = 0; pos < m; pos++) {
            foldOf[permutation[pos]] = pos % k;
        }
        this.train = new LassoPath[k];
        this.test = new DesignMatrix[k];
        this.trainRows = new int[k][];
        this.testRows = new int[k][];
        for (int f = 0; f < k; f++) {
            final int fold = f;
            testRows[f] = IntStream.range(0, m).filter(j -> foldOf[j] == fold).toArray();
            // Grouped by step value, so the fold's path needs no regrouped copy of the design.
            trainRows[f] = design.groupByStep(IntStream.range(0, m).filter(j -> foldOf[j] != fold).toArray());
        }
        // The sub-designs and per-column preparations are independent: build them in parallel (task k is the
        // full-data path).
        LassoPath[] paths = new LassoPath[k + 1];
        IntStream.rangeClosed(0, k).parallel().forEach(f -> {
            if (f == k) {
                paths[f] = new LassoPath(design);
            } else {
                paths[f] = new LassoPath(design.selectRows(trainRows[f]));
                test[f] = design.selectRows(testRows[f]);
            }
        });
        System.arraycopy(paths, 0, train, 0, k);
        this.full = paths[k];
    }

    /**
     * The fold of each submodel (row), in {@code [0, folds)}: lets another implementation cross-validate on
     * exactly the same partition (the benchmark hands it to scikit-learn and glmnet).
     */
    public int[] foldAssignment() {
        return foldOf.clone();
    }

    /** Convenience: prepares the folds and fits every outcome column. */
    public static List<LassoFit> fit(DesignMatrix design, double[][] outcomes, LassoSettings settings) {
        return new LassoCrossValidation(design, settings).fit(outcomes);
    }

    /**
     * Fits every outcome column; {@code outcomes[q][j]} is query q's outcome for submodel j (row j of the
     * design). Returns one {@link LassoFit} per query, in order.
     */
    public List<LassoFit> fit(double[][] outcomes) {
        for (int q = 0; q < outcomes.length; q++) {
            if (outcomes[q].length != design.rows()) {
                throw new AmeException("query " + q + " has " + outcomes[q].length + " outcomes for "
                        + design.rows() + " submodels");
            }
            for (int j = 0; j < outcomes[q].length; j++) {
                if (!Double.isFinite(outcomes[q][j])) {
                    throw new AmeException("query " + q + " has a non-finite outcome (" + outcomes[q][j]
                            + ") for submodel " + j);
                }
            }
        }
        LassoFit[] fits = new LassoFit[outcomes.length];
        IntStream.range(0, outcomes.length).parallel().forEach(q -> fits[q] = fitOne(outcomes[q]));
        return new ArrayList<>(Arrays.asList(fits));
    }

    private LassoFit fitOne(double[] y) {
        double[] requested = full.lambdaPath(y, settings);
        List<PathPoint> fullPath = full.fit(y, requested, settings, true);
        double[] lambdas = new double[fullPath.size()];
        for (int l = 0; l < lambdas.length; l++) {
            lambdas[l] = fullPath.get(l).lambda();
        }
        int k = train.length;
        double[][] foldErrors = new double[k][];
        // Folds in parallel too, so a single query still uses every thread of the pool.
        IntStream.range(0, k).parallel().forEach(f -> foldErrors[f] = heldOutErrors(f, y, lambdas));
        double[] mean = new double[lambdas.length];
        double[] se = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            double s = 0;
            for (int f = 0; f < k; f++) {
                s += foldErrors[f][l];
            }
            mean[l] = s / k;
            double ss = 0;
            for (int f = 0; f < k; f++) {
                double d = foldErrors[f][l] - mean[l];
                ss += d * d;
            }
            se[l] = Math.sqrt(ss / (k - 1) / k);
        }
        int min = 0;
        for (int l = 1; l < lambdas.length; l++) {
            if (mean[l] < mean[min]) {
                min = l;
            }
        }
        int oneSe = min;
        for (int l = 0; l < min; l++) {
            if (mean[l] <= mean[min] + se[min]) {
                oneSe = l;
                break;
            }
        }
        int chosen = settings.rule() == LambdaRule.MINIMUM ? min : oneSe;
        PathPoint point = fullPath.get(chosen);
        return new LassoFit(lambdas, mean, se, min, oneSe, chosen, point.denseCoefficients(design.columns()),
                point.bucketIntercepts());
    }

    private double[] heldOutErrors(int fold, double[] y, double[] lambdas) {
        int[] rowsIn = trainRows[fold];
        double[] yTrain = new double[rowsIn.length];
        for (int t = 0; t < rowsIn.length; t++) {
            yTrain[t] = y[rowsIn[t]];
        }
        List<PathPoint> path = train[fold].fit(yTrain, lambdas, settings, false);
        DesignMatrix held = test[fold];
        int[] rowsOut = testRows[fold];
        double[] errors = new double[lambdas.length];
        double[] prediction = new double[rowsOut.length];
        for (int l = 0; l < lambdas.length; l++) {
            PathPoint point = path.get(l);
            for (int t = 0; t < rowsOut.length; t++) {
                prediction[t] = point.bucketIntercepts()[held.bucket(t)];
            }
            for (int a = 0; a < point.indices().length; a++) {
                held.addColumn(point.indices()[a], point.values()[a], prediction);
            }
            double s = 0;
            for (int t = 0; t < rowsOut.length; t++) {
                double d = y[rowsOut[t]] - prediction[t];
                s += d * d;
            }
            errors[l] = s / rowsOut.length;
        }
        return errors;
    }
}
