package dev.crest.tensor.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Central finite differences and tolerance checks for the layer gradient tests. */
final class GradientCheck {
    private GradientCheck() {
    }

    /** ∂f/∂point[i] for every i by central differences with step {@code h}; {@code point} is left unchanged. */
    static double[] numericGradient(float[] point, ToDoubleFunction<float[]> f, double h) {
        double[] gradient = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            float[] plus = point.clone();
            float[] minus = point.clone();
            plus[i] = (float) (point[i] + h);
            minus[i] = (float) (point[i] - h);
            // divide by the step actually taken after float rounding
            gradient[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / ((double) plus[i] - minus[i]);
        }
        return gradient;
    }

    /** Σ r_i·y_i in double, the objective whose gradient with respect to y is r. */
    static double weightedSum(Tensor y, Tensor r) {
        double sum = 0;
        for (int i = 0; i < y.size(); i++) {
            sum += y.getDouble(i) * r.getDouble(i);
        }
        return sum;
    }

    static Tensor randomTensor(SplittableRandom random, int... dims) {
        Shape shape = Shape.of(dims);
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return Tensor.wrapFloat32(shape, values);
    }

    static void assertClose(Tensor actual, double[] expected, Closeness closeness) {
        assertThat(actual.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double a = actual.getDouble(i);
            assertThat(closeness.test(a, expected[i]))
                    .as("element %d: actual %s, expected %s", i, a, expected[i]).isTrue();
        }
    }

    static void assertClose(Tensor actual, Tensor expected, Closeness closeness) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertClose(actual, expected.toDoubleArray(), closeness);
    }
}
