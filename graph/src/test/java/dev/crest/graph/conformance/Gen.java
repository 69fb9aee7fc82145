package dev.crest.graph.conformance;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;

/** Seeded test data for one case: tensors of the case's dtype drawn from a chosen range. */
final class Gen {
    final DType dtype;
    private final SplittableRandom random;
    private double lo = -3;
    private double hi = 3;

    Gen(DType dtype, long seed) {
        this.dtype = dtype;
        this.random = new SplittableRandom(seed);
    }

    /** Subsequent {@link #x} draws come from {@code [lo, hi)} (integers: whole numbers in that range). */
    Gen range(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** A tensor of the case dtype. */
    Tensor x(int... dims) {
        return of(dtype, dims);
    }

    /** A tensor of the given dtype from the current range; bools are fair coin flips. */
    Tensor of(DType type, int... dims) {
        Shape shape = Shape.of(dims);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            if (type == DType.BOOL) {
                v[i] = random.nextBoolean() ? 1 : 0;
            } else if (type.isFloat()) {
                v[i] = lo + (hi - lo) * random.nextDouble();
            } else {
                v[i] = Math.floor(lo + (hi - lo) * random.nextDouble());
            }
        }
        return Tensor.fromDoubles(type, shape, v);
    }

    /** Values away from zero (for divisors and reciprocals): magnitude in [0.5, 3), random sign. */
    Tensor nonZero(int... dims) {
        Shape shape = Shape.of(dims);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            double m = dtype.isFloat() ? 0.5 + 2.5 * random.nextDouble() : 1 + random.nextInt(4);
            v[i] = random.nextBoolean() ? m : -m;
        }
        return Tensor.fromDoubles(dtype, shape, v);
    }

    /** Small whole numbers, so comparisons and arg-extremes meet ties. */
    Tensor ties(int... dims) {
        Shape shape = Shape.of(dims);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(4) - 1;
        }
        return Tensor.fromDoubles(dtype, shape, v);
    }

    static Tensor longs(long... v) {
        return Tensor.ofLongs(Shape.of(v.length), v);
    }

    static Tensor floats(float... v) {
        return Tensor.ofFloats(Shape.of(v.length), v);
    }

    static Tensor scalar(DType type, double v) {
        return Tensor.scalar(type, v);
    }
}
