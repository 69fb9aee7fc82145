package dev.crest.ame.lasso;

/** The tests' independent LASSO solver: textbook coordinate descent on a dense matrix, no screening at all. */
final class DenseLassoOracle {
    private DenseLassoOracle() {
    }

    /**
     * Independent oracle: plain cyclic coordinate descent on the dense matrix, with the bucket coefficients as
     * extra (unpenalized) coordinates updated jointly in the same cycle, run to a very tight tolerance.
     */
    static double[] solve(double[][] x, int[] bucket, int buckets, double[] y, double lambda,
            double[] interceptsOut) {
        int m = x.length;
        int n = x[0].length;
        double[] beta = new double[n];
        double[] alpha = new double[buckets];
        double[] r = y.clone();
        for (int sweep = 0; sweep < 200_000; sweep++) {
            double change = 0;
            for (int b = 0; b < buckets; b++) {
                double s = 0;
                int count = 0;
                for (int j = 0; j < m; j++) {
                    if (bucket[j] == b) {
                        s += r[j];
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                double delta = s / count;
                alpha[b] += delta;
                for (int j = 0; j < m; j++) {
                    if (bucket[j] == b) {
                        r[j] -= delta;
                    }
                }
                change = Math.max(change, Math.abs(delta));
            }
            for (int i = 0; i < n; i++) {
                double norm = 0;
                double g = 0;
                for (int j = 0; j < m; j++) {
                    norm += x[j][i] * x[j][i];
                    g += x[j][i] * r[j];
                }
                norm /= m;
                double z = g / m + norm * beta[i];
                double updated = Math.signum(z) * Math.max(Math.abs(z) - lambda, 0) / norm;
                double delta = updated - beta[i];
                if (delta != 0) {
                    beta[i] = updated;
                    for (int j = 0; j < m; j++) {
                        r[j] -= delta * x[j][i];
                    }
                }
                change = Math.max(change, Math.abs(delta));
            }
            if (change < 1e-13) {
                break;
            }
        }
        System.arraycopy(alpha, 0, interceptsOut, 0, buckets);
        return beta;
    }
}
