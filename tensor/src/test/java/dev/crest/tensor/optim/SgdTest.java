package dev.crest.tensor.optim;

import static dev.crest.tensor.optim.OptimizerSteps.withGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {
    private static Parameter parameter(float... values) {
        return new Parameter("w", Tensor.ofFloats(Shape.of(values.length), values));
    }

    private static void assertValues(Parameter p, double... expected) {
        float[] actual = p.value().float32Data();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], offset(1e-6));
        }
    }

    @Test
    void plainStepMovesAgainstTheGradient() {
        Parameter w = parameter(1, -2);
        new Sgd(List.of(w), SgdSettings.defaults().withLearningRate(0.1)).step(withGradient(w, 0.5f, -1f));
        assertValues(w, 1 - 0.1 * 0.5, -2 + 0.1 * 1);
    }

    @Test
    void momentumWithWeightDecayOverTwoSteps() {
        Parameter w = parameter(1, -2);
        Sgd sgd = new Sgd(List.of(w), new SgdSettings(0.1, 0.9, false, 0.01));
        // step 1: g' = g + 0.01·w; v = g'; w −= 0.1·v
        double g1a = 0.5 + 0.01 * 1;
        double g1b = 1 + 0.01 * -2;
        double w1a = 1 - 0.1 * g1a;
        double w1b = -2 - 0.1 * g1b;
        sgd.step(withGradient(w, 0.5f, 1f));
        assertValues(w, w1a, w1b);
        // step 2: v = 0.9·v + g'
        double v2a = 0.9 * g1a + (0.5 + 0.01 * w1a);
        double v2b = 0.9 * g1b + (1 + 0.01 * w1b);
        sgd.step(withGradient(w, 0.5f, 1f));
        assertValues(w, w1a - 0.1 * v2a, w1b - 0.1 * v2b);
    }

    @Test
    void nesterovLooksAhead() {
        Parameter w = parameter(0);
        Sgd sgd = new Sgd(List.of(w), new SgdSettings(0.5, 0.5, true, 0));
        // step 1: v = 2; w −= 0.5·(2 + 0.5·2) = 1.5
        sgd.step(withGradient(w, 2f));
        assertValues(w, -1.5);
        // step 2: v = 0.5·2 + 4 = 5; w −= 0.5·(4 + 0.5·5) = 3.25
        sgd.step(withGradient(w, 4f));
        assertValues(w, -4.75);
    }

    @Test
    void parametersWithoutGradientAreLeftAlone() {
        Parameter used = parameter(1);
        Parameter unused = parameter(7);
        Sgd sgd = new Sgd(List.of(used, unused), SgdSettings.defaults());
        sgd.step(withGradient(used, 1f));
        assertValues(unused, 7);
        Tape other = new Tape();
        unused.on(other);
        sgd.step(withGradient(used, 1f));
        assertValues(unused, 7);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> SgdSettings.defaults().withLearningRate(0)).isInstanceOf(TensorException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> SgdSettings.defaults().withMomentum(1)).isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> SgdSettings.defaults().withNesterov(true)).isInstanceOf(TensorException.class)
                .hasMessageContaining("momentum");
        assertThatThrownBy(() -> SgdSettings.defaults().withWeightDecay(-1)).isInstanceOf(TensorException.class);
        Parameter doubles = new Parameter("d", Tensor.zeros(DType.FLOAT64, Shape.of(2)));
        assertThatThrownBy(() -> new Sgd(List.of(doubles), SgdSettings.defaults()))
                .isInstanceOf(TensorException.class).hasMessageContaining("float32");
    }
}
