package dev.crest.tensor.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import org.junit.jupiter.api.Test;

class ActivationAndReshapeTest {
    @Test
    void reluClampsNegativesAndPassesGradientWherePositive() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofFloats(Shape.of(2, 3), -2, 0, 3, 1.5f, -0.5f, 4));
        Variable y = new ReLU().forward(tape, x);
        assertThat(y.value().float32Data()).containsExactly(0, 0, 3, 1.5f, 0, 4);
        Gradients g = tape.backward(y, Tensor.ofFloats(Shape.of(2, 3), 10, 20, 30, 40, 50, 60));
        // the subgradient at 0 is taken as 0, as in PyTorch
        assertThat(g.get(x).float32Data()).containsExactly(0, 0, 30, 40, 0, 60);
    }

    @Test
    void flattenKeepsTheBatchAxisAndReshapesTheGradientBack() {
        Tape tape = new Tape();
        float[] values = new float[2 * 3 * 2 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Variable x = tape.parameter(Tensor.wrapFloat32(Shape.of(2, 3, 2, 2), values));
        Variable y = new Flatten().forward(tape, x);
        assertThat(y.value().shape()).isEqualTo(Shape.of(2, 12));
        assertThat(y.value().float32Data()).containsExactly(values);
        Tensor seed = Tensor.wrapFloat32(Shape.of(2, 12), values.clone());
        Tensor dx = tape.backward(y, seed).get(x);
        assertThat(dx.shape()).isEqualTo(Shape.of(2, 3, 2, 2));
        assertThat(dx.float32Data()).containsExactly(values);
    }
}
