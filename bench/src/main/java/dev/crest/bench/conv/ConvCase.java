package dev.crest.bench.conv;

import java.util.SplittableRandom;

/**
 * The convolution both sides run: a {@code [batch, channels, height, width]} float32 input, a
 * {@code [outChannels, channels, kernel, kernel]} weight with bias, stride 1 and {@code padding} zeros on every
 * side; inputs and weights are drawn from a seeded generator.
 */
public record ConvCase(int batch, int channels, int height, int width, int outChannels, int kernel, int padding,
        long seed) {

    /** The benchmark's case: 32×3×32×32 input, 16 output channels, 3×3 kernel, padding 1. */
    public static ConvCase cifarLike() {
        return new ConvCase(32, 3, 32, 32, 16, 3, 1, 1L);
    }

    /** Input shape {@code [batch, channels, height, width]}. */
    public long[] inputShape() {
        return new long[] {batch, channels, height, width};
    }

    /** Weight shape {@code [outChannels, channels, kernel, kernel]}. */
    public long[] weightShape() {
        return new long[] {outChannels, channels, kernel, kernel};
    }

    /** The input values, uniform in [-1, 1). */
    public float[] input() {
        return uniform(new SplittableRandom(seed), batch * channels * height * width, 1);
    }

    /** The weight values, uniform in ±1/sqrt(fan-in) as PyTorch initialises them. */
    public float[] weight() {
        return uniform(new SplittableRandom(seed + 1), outChannels * channels * kernel * kernel,
                1 / Math.sqrt(channels * kernel * kernel));
    }

    /** The bias values, uniform in ±1/sqrt(fan-in). */
    public float[] bias() {
        return uniform(new SplittableRandom(seed + 2), outChannels, 1 / Math.sqrt(channels * kernel * kernel));
    }

    private static float[] uniform(SplittableRandom random, int size, double bound) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return values;
    }
}
