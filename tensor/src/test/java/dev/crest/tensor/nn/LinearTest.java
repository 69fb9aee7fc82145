package dev.crest.tensor.nn;

import static dev.crest.tensor.nn.GradientCheck.assertClose;
import static dev.crest.tensor.nn.GradientCheck.numericGradient;
import static dev.crest.tensor.nn.GradientCheck.randomTensor;
import static dev.crest.tensor.nn.GradientCheck.weightedSum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearTest {
    private static final Closeness TIGHT = new Closeness(1e-5, 1e-5);
    /** Central differences are exact for a linear map, so only float32 rounding of the objective remains. */
    private static final Closeness NUMERIC = new Closeness(2e-3, 2e-3);

    @Test
    void forwardMatchesDefinition() {
        SplittableRandom random = new SplittableRandom(1);
        Linear layer = new Linear(5, 3, random);
        layer.bias().setValue(randomTensor(random, 3));
        Tensor x = randomTensor(random, 4, 5);
        Tape tape = new Tape();
        Tensor y = layer.forward(tape, tape.constant(x)).value();

        float[] w = layer.weight().value().float32Data();
        float[] b = layer.bias().value().float32Data();
        double[] expected = new double[4 * 3];
        for (int n = 0; n < 4; n++) {
            for (int o = 0; o < 3; o++) {
                double sum = b[o];
                for (int i = 0; i < 5; i++) {
                    sum += x.getDouble(n * 5 + i) * w[o * 5 + i];
                }
                expected[n * 3 + o] = sum;
            }
        }
        assertThat(y.shape()).isEqualTo(Shape.of(4, 3));
        assertClose(y, expected, TIGHT);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2);
        Linear layer = new Linear(6, 4, random);
        layer.bias().setValue(randomTensor(random, 4));
        Tensor x = randomTensor(random, 3, 6);
        Tensor r = randomTensor(random, 3, 4);

        Tape tape = new Tape();
        Variable input = tape.parameter(x);
        Variable y = layer.forward(tape, input);
        Gradients gradients = tape.backward(y, r);
        // read the analytic gradients before the finite differences put the parameters on other tapes
        Tensor inputGradient = gradients.get(input);
        Tensor weightGradient = layer.weight().gradient(gradients);
        Tensor biasGradient = layer.bias().gradient(gradients);

        Tensor w0 = layer.weight().value();
        Tensor b0 = layer.bias().value();
        double[] dx = numericGradient(x.float32Data(), xs -> objective(layer, Tensor.wrapFloat32(x.shape(), xs), r), 0.05);
        double[] dw = numericGradient(w0.float32Data(), ws -> {
            layer.weight().setValue(Tensor.wrapFloat32(w0.shape(), ws));
            return objective(layer, x, r);
        }, 0.05);
        layer.weight().setValue(w0);
        double[] db = numericGradient(b0.float32Data(), bs -> {
            layer.bias().setValue(Tensor.wrapFloat32(b0.shape(), bs));
            return objective(layer, x, r);
        }, 0.05);
        layer.bias().setValue(b0);

        assertClose(inputGradient, dx, NUMERIC);
        assertClose(weightGradient, dw, NUMERIC);
        assertClose(biasGradient, db, NUMERIC);
    }

    private static double objective(Linear layer, Tensor x, Tensor r) {
        Tape tape = new Tape();
        return weightedSum(layer.forward(tape, tape.constant(x)).value(), r);
    }

    @Test
    void layerWithoutBiasHasOnlyWeight() {
        Linear layer = new Linear(3, 2, false, Initializer.xavierUniform(), new SplittableRandom(3));
        assertThat(layer.bias()).isNull();
        assertThat(layer.parameters()).containsExactly(layer.weight());
        Tape tape = new Tape();
        Tensor x = Tensor.ofFloats(Shape.of(1, 3), 1, 2, 3);
        float[] w = layer.weight().value().float32Data();
        Tensor y = layer.forward(tape, tape.constant(x)).value();
        assertThat(y.getDouble(0)).isCloseTo(w[0] + 2.0 * w[1] + 3.0 * w[2], org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void seededInitializationIsReproducibleAndBounded() {
        Linear a = new Linear(100, 20, 9L);
        Linear b = new Linear(100, 20, 9L);
        assertThat(a.weight().value().sameAs(b.weight().value())).isTrue();
        assertThat(a.weight().value().sameAs(new Linear(100, 20, 10L).weight().value())).isFalse();
        double bound = Math.sqrt(6.0 / 100);
        for (float v : a.weight().value().float32Data()) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
        }
        assertThat(a.bias().value().float32Data()).containsOnly(0f);
    }

    @Test
    void rejectsWrongInputs() {
        Linear layer = new Linear(3, 2, 1L);
        Tape tape = new Tape();
        assertThatThrownBy(() -> layer.forward(tape, tape.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 4)))))
                .isInstanceOf(TensorException.class).hasMessageContaining("3 input features");
        assertThatThrownBy(() -> layer.forward(tape, tape.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)))))
                .isInstanceOf(TensorException.class).hasMessageContaining("float32");
        assertThatThrownBy(() -> layer.forward(tape, tape.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 1, 3)))))
                .isInstanceOf(TensorException.class).hasMessageContaining("Flatten");
    }
}
