package dev.crest.bench.mlp;

import java.util.SplittableRandom;

/**
 * Initial weights shared by both sides so their losses can be compared: PyTorch's default {@code Linear}
 * initialisation, uniform in {@code ±1/sqrt(fanIn)} for weights and biases, drawn from a seeded generator.
 * Weights are stored {@code [fanIn, fanOut]} row-major (so a layer computes {@code x·W + b}).
 */
public record MlpWeights(float[] hiddenWeight, float[] hiddenBias, float[] outputWeight, float[] outputBias) {

    /** Draws the initial weights for {@code config} from its seed. */
    public static MlpWeights initial(MlpConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        float[] w1 = uniform(random, config.inputs() * config.hidden(), config.inputs());
        float[] b1 = uniform(random, config.hidden(), config.inputs());
        float[] w2 = uniform(random, config.hidden() * config.classes(), config.hidden());
        float[] b2 = uniform(random, config.classes(), config.hidden());
        return new MlpWeights(w1, b1, w2, b2);
    }

    private static float[] uniform(SplittableRandom random, int size, int fanIn) {
        double bound = 1 / Math.sqrt(fanIn);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return values;
    }

    /** {@code weight} ({@code [rows, cols]} row-major) transposed to {@code [cols, rows]}. */
    public static float[] transpose(float[] weight, int rows, int cols) {
        float[] transposed = new float[weight.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                transposed[j * rows + i] = weight[i * cols + j];
            }
        }
        return transposed;
    }
}
