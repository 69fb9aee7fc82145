package dev.crest.ame.estimate;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Exact Shapley values of training points for a K-nearest-neighbour classifier (Jia et al. 2019), in
 * O(N log N) per test point without any training: a baseline to compare AME against.
 * The utility of a subset S is (1/K) Σ over its min(K, |S|) nearest points to the test input of
 * 1[label = test label]; distances are Euclidean and ties go to the lower training index.
 */
public final class KnnShapley {
    private KnnShapley() {
    }

    /** Shapley values for one test point. */
    public static double[] values(double[][] trainX, int[] trainY, double[] testX, int testY, int k) {
        int n = trainX.length;
        if (trainY.length != n) {
            throw new IllegalArgumentException(n + " training rows but " + trainY.length + " labels");
        }
        if (k < 1) {
            throw new IllegalArgumentException("K must be at least 1, got " + k);
        }
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            distance[i] = squaredDistance(trainX[i], testX);
        }
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> distance[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        double[] values = new double[n];
        if (n == 0) {
            return values;
        }
        // Recursion from the farthest point inwards (positions are 1-based in the paper).
        double current = match(trainY[order[n - 1]], testY) / (double) n;
        values[order[n - 1]] = current;
        for (int pos = n - 1; pos >= 1; pos--) {
            int here = order[pos - 1];
            int next = order[pos];
            current += (match(trainY[here], testY) - match(trainY[next], testY)) / (double) k
                    * Math.min(k, pos) / pos;
            values[here] = current;
        }
        return values;
    }

    /** Shapley values for the mean utility over several test points (the mean of the per-point values). */
    public static double[] values(double[][] trainX, int[] trainY, double[][] testX, int[] testY, int k) {
        if (testX.length != testY.length) {
            throw new IllegalArgumentException(testX.length + " test rows but " + testY.length + " labels");
        }
        double[] sum = new double[trainX.length];
        for (int t = 0; t < testX.length; t++) {
            double[] v = values(trainX, trainY, testX[t], testY[t], k);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] / testX.length;
            }
        }
        return sum;
    }

    private static int match(int label, int target) {
        return label == target ? 1 : 0;
    }

    private static double squaredDistance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a training row has " + a.length + " features, the test row "
                    + b.length);
        }
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return s;
    }
}
