package dev.crest.ame.data;

/** Numerically stable softmax helpers over one row of logits, computed in double precision. */
final class Softmax {
    private Softmax() {
    }

    static double logSumExp(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    static double[] probabilities(float[] logits) {
        double lse = logSumExp(logits);
        double[] p = new double[logits.length];
        for (int c = 0; c < logits.length; c++) {
            p[c] = Math.exp(logits[c] - lse);
        }
        return p;
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }
}
