package dev.crest.tensor.autodiff;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;

/** Seeded float64 test inputs drawn from domains that keep finite differences away from kinks and poles. */
final class RandomTensors {
    private RandomTensors() {
    }

    static Tensor uniform(SplittableRandom random, Shape shape, double lo, double hi) {
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * random.nextDouble();
        }
        return Tensor.fromDoubles(DType.FLOAT64, shape, v);
    }

    /** Magnitudes in [lo, hi] with random signs: away from a kink or pole at 0. */
    static Tensor awayFromZero(SplittableRandom random, Shape shape, double lo, double hi) {
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            double m = lo + (hi - lo) * random.nextDouble();
            v[i] = random.nextBoolean() ? m : -m;
        }
        return Tensor.fromDoubles(DType.FLOAT64, shape, v);
    }

    /** Values that differ pairwise (also across tensors drawn from the same pool), so max/min never tie. */
    static Tensor distinct(Shape shape, DistinctPool pool) {
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = pool.next();
        }
        return Tensor.fromDoubles(DType.FLOAT64, shape, v);
    }

    /** Values k·0.01 + jitter in (−3, 3) for distinct k, drawn without replacement: gaps of at least 0.008. */
    static final class DistinctPool {
        private final SplittableRandom random;
        private final java.util.List<Integer> slots = new java.util.ArrayList<>();
        private int next;

        DistinctPool(SplittableRandom random) {
            this.random = random;
            for (int k = -300; k < 300; k++) {
                slots.add(k);
            }
            for (int i = slots.size() - 1; i > 0; i--) {
                java.util.Collections.swap(slots, i, random.nextInt(i + 1));
            }
        }

        double next() {
            return slots.get(next++ % slots.size()) * 0.01 + 0.002 * random.nextDouble();
        }
    }

    static Tensor bools(SplittableRandom random, Shape shape) {
        boolean[] b = new boolean[shape.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextBoolean();
        }
        return Tensor.ofBooleans(shape, b);
    }

    /** A shape that broadcasts to {@code out}: some leading axes dropped and some axes set to 1. */
    static Shape broadcastableTo(SplittableRandom random, Shape out) {
        int drop = random.nextInt(out.rank() + 1);
        int[] dims = new int[out.rank() - drop];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = random.nextInt(3) == 0 ? 1 : out.dim(drop + i);
        }
        return Shape.of(dims);
    }
}
