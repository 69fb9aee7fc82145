package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

/** Input builders and exact assertions shared by the kernel tests, so each test reads as its operator's cases. */
final class KernelFixtures {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private KernelFixtures() {
    }

    /** Runs single-output operator {@code op} of the standard registry without attributes. */
    static Tensor run(String op, Tensor... inputs) {
        return REGISTRY.run1(op, Attributes.empty(), inputs);
    }

    /** Runs single-output operator {@code op} of the standard registry. */
    static Tensor run(String op, Attributes attributes, Tensor... inputs) {
        return REGISTRY.run1(op, attributes, inputs);
    }

    /** A float16 vector. */
    static Tensor f16(double... values) {
        return Tensor.fromDoubles(DType.FLOAT16, Shape.of(values.length), values);
    }

    /** A float32 vector. */
    static Tensor f32(double... values) {
        return Tensor.fromDoubles(DType.FLOAT32, Shape.of(values.length), values);
    }

    /** A float64 vector. */
    static Tensor f64(double... values) {
        return Tensor.ofDoubles(Shape.of(values.length), values);
    }

    /** An int64 vector. */
    static Tensor ints(long... values) {
        return Tensor.ofLongs(Shape.of(values.length), values);
    }

    /** A vector of integer (or bool) type {@code dtype}. */
    static Tensor ints(DType dtype, long... values) {
        return Tensor.fromLongs(dtype, Shape.of(values.length), values);
    }

    /** 0, 1, 2, … in row-major order, as {@code dtype}. */
    static Tensor iota(DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        long[] values = new long[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Tensor.fromLongs(dtype, shape, values);
    }

    /** 0, 1, 2, … in row-major order, as float64. */
    static Tensor ramp(Shape shape) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Tensor.ofDoubles(shape, values);
    }

    /** Exact comparison that tells −0.0 from +0.0 and accepts NaN for NaN. */
    static void assertBits(Tensor actual, double... expected) {
        double[] values = actual.toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.valueOf(values[i])).as("element %d of %s", i, actual)
                    .isEqualTo(Double.valueOf(expected[i]));
        }
    }
}
