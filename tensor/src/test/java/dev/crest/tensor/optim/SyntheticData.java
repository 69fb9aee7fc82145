package dev.crest.tensor.optim;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.util.SplittableRandom;

/** Small seeded classification problems for the training tests. */
final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * {@code classes} Gaussian blobs (σ = 0.5) in {@code dims} dimensions, centred at ±3 on distinct axes, so
     * the classes are linearly separable with overwhelming probability.
     */
    static Dataset blobs(int examples, int dims, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[examples * dims];
        int[] labels = new int[examples];
        for (int n = 0; n < examples; n++) {
            int label = random.nextInt(classes);
            labels[n] = label;
            for (int d = 0; d < dims; d++) {
                double centre = d == label % dims ? (label < dims ? 3 : -3) : 0;
                x[n * dims + d] = (float) (centre + 0.5 * gaussian(random));
            }
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(examples, dims), x), labels);
    }

    /**
     * Two concentric rings in the plane: class 0 with radius in [0, 1], class 1 with radius in [1.5, 2.5]. No
     * line separates them, so a linear model stays near chance while a small MLP separates them.
     */
    static Dataset rings(int examples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[examples * 2];
        int[] labels = new int[examples];
        for (int n = 0; n < examples; n++) {
            int label = random.nextInt(2);
            double radius = label == 0 ? random.nextDouble(0, 1) : random.nextDouble(1.5, 2.5);
            double angle = random.nextDouble(0, 2 * Math.PI);
            x[2 * n] = (float) (radius * Math.cos(angle));
            x[2 * n + 1] = (float) (radius * Math.sin(angle));
            labels[n] = label;
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(examples, 2), x), labels);
    }

    /**
     * 1×8×8 images with one bright horizontal (class 0) or vertical (class 1) bar at a random position, plus
     * noise: a task a convolution picks up quickly.
     */
    static Dataset bars(int examples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[examples * 64];
        int[] labels = new int[examples];
        for (int n = 0; n < examples; n++) {
            int label = random.nextInt(2);
            int position = random.nextInt(8);
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    boolean onBar = label == 0 ? i == position : j == position;
                    x[n * 64 + i * 8 + j] = (float) ((onBar ? 1.0 : 0.0) + 0.3 * gaussian(random));
                }
            }
            labels[n] = label;
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(examples, 1, 8, 8), x), labels);
    }

    /** A standard normal draw (Box–Muller). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
