package dev.crest.tensor.optim;

import static dev.crest.tensor.optim.OptimizerSteps.withGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
    private static Parameter parameter(float... values) {
        return new Parameter("w", Tensor.ofFloats(Shape.of(values.length), values));
    }

    private static double value(Parameter p, int i) {
        return p.value().float32Data()[i];
    }

    @Test
    void firstStepHasMagnitudeOfTheLearningRate() {
        Parameter w = parameter(1, 1);
        new Adam(List.of(w), AdamSettings.defaults().withLearningRate(0.1)).step(withGradient(w, 0.5f, -3f));
        // with bias correction m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g)
        assertThat(value(w, 0)).isCloseTo(0.9, offset(1e-6));
        assertThat(value(w, 1)).isCloseTo(1.1, offset(1e-6));
    }

    @Test
    void twoStepsFollowAlgorithmOne() {
        Parameter w = parameter(1);
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Adam adam = new Adam(List.of(w), AdamSettings.defaults().withLearningRate(lr));
        double m = 0;
        double v = 0;
        double expected = 1;
        double[] gradients = {0.5, 0.25, -1};
        for (int t = 1; t <= gradients.length; t++) {
            double g = gradients[t - 1];
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            expected -= lr * mHat / (Math.sqrt(vHat) + eps);
            adam.step(withGradient(w, (float) g));
            assertThat(value(w, 0)).as("after step %d", t).isCloseTo(expected, offset(1e-6));
        }
    }

    @Test
    void l2AndDecoupledWeightDecayDiffer() {
        Parameter l2 = parameter(2);
        Parameter decoupled = parameter(2);
        new Adam(List.of(l2), AdamSettings.defaults().withLearningRate(0.1).withWeightDecay(0.5))
                .step(withGradient(l2, 1f));
        new Adam(List.of(decoupled), AdamSettings.defaults().withLearningRate(0.1).withDecoupledWeightDecay(0.5))
                .step(withGradient(decoupled, 1f));
        // L2: g' = 1 + 0.5·2 = 2, first step lr·sign(g') → 2 − 0.1
        assertThat(value(l2, 0)).isCloseTo(1.9, offset(1e-6));
        // AdamW: w·(1 − 0.1·0.5) − 0.1·sign(g) = 1.9 − 0.1
        assertThat(value(decoupled, 0)).isCloseTo(1.8, offset(1e-6));
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> AdamSettings.defaults().withBetas(0.9, 1.0)).isInstanceOf(TensorException.class)
                .hasMessageContaining("beta2");
        assertThatThrownBy(() -> AdamSettings.defaults().withBetas(-0.1, 0.9)).isInstanceOf(TensorException.class)
                .hasMessageContaining("beta1");
        assertThatThrownBy(() -> AdamSettings.defaults().withEpsilon(0)).isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> AdamSettings.defaults().withLearningRate(Double.NaN))
                .isInstanceOf(TensorException.class);
    }
}
