package dev.crest.tensor.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Central finite differences and tolerance checks for the layer gradient tests. */
final class GradientCheck {
    /** Large enough for float32 layers: smaller steps drown the difference in rounding. */
    static final double FINITE_DIFFERENCE_STEP = 0.05;

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

    /**
     * Asserts that the gradients of Σ r·layer(x) with respect to {@code x} and to each of the layer's parameters
     * match central differences (step {@value #FINITE_DIFFERENCE_STEP}) under {@code closeness}. The parameters
     * hold their original values again afterwards.
     */
    static void assertGradientsMatchFiniteDifferences(Module layer, Tensor x, Tensor r, Closeness closeness) {
        Tape tape = new Tape();
        Variable input = tape.parameter(x);
        Gradients gradients = tape.backward(layer.forward(tape, input), r);
        // read the analytic gradients before the finite differences put the parameters on other tapes
        Tensor inputGradient = gradients.get(input);
        List<Parameter> parameters = layer.parameters();
        List<Tensor> parameterGradients = new ArrayList<>();
        for (Parameter p : parameters) {
            parameterGradients.add(p.gradient(gradients));
        }

        double[] dx = numericGradient(x.float32Data(),
                xs -> objective(layer, Tensor.wrapFloat32(x.shape(), xs), r), FINITE_DIFFERENCE_STEP);
        List<double[]> numericParameterGradients = new ArrayList<>();
        for (Parameter p : parameters) {
            Tensor original = p.value();
            numericParameterGradients.add(numericGradient(original.float32Data(), values -> {
                p.setValue(Tensor.wrapFloat32(original.shape(), values));
                return objective(layer, x, r);
            }, FINITE_DIFFERENCE_STEP));
            p.setValue(original);
        }

        assertClose(inputGradient, dx, closeness);
        for (int i = 0; i < parameters.size(); i++) {
            assertClose(parameterGradients.get(i), numericParameterGradients.get(i), closeness);
        }
    }

    private static double objective(Module layer, Tensor x, Tensor r) {
        Tape tape = new Tape();
        return weightedSum(layer.forward(tape, tape.constant(x)).value(), r);
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
