package dev.crest.tensor.nn;

import static dev.crest.tensor.nn.GradientCheck.assertClose;
import static dev.crest.tensor.nn.GradientCheck.numericGradient;
import static dev.crest.tensor.nn.GradientCheck.randomTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LossTest {
    @Test
    void crossEntropyOfUniformLogitsIsLogOfClassCount() {
        Tape tape = new Tape();
        Variable logits = tape.parameter(Tensor.ofFloats(Shape.of(2, 4), 0, 0, 0, 0, 3, 3, 3, 3));
        Variable loss = SoftmaxCrossEntropy.of(tape, logits, new int[] {1, 3});
        assertThat(loss.value().shape()).isEqualTo(Shape.scalar());
        assertThat(loss.value().getDouble(0)).isCloseTo(Math.log(4), offset(1e-6));
        // gradient (softmax − onehot) / batch = (1/4 − [label]) / 2
        assertThat(tape.backward(loss).get(logits).float32Data())
                .containsExactly(0.125f, -0.375f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, -0.375f);
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tape tape = new Tape();
        Variable logits = tape.parameter(Tensor.ofFloats(Shape.of(1, 3), 1000, 0, -1000));
        assertThat(SoftmaxCrossEntropy.of(tape, logits, new int[] {0}).value().getDouble(0)).isCloseTo(0, offset(1e-6));
        Variable wrong = SoftmaxCrossEntropy.of(tape, logits, new int[] {1});
        assertThat(wrong.value().getDouble(0)).isCloseTo(1000, offset(1e-3));
        assertThat(tape.backward(wrong).get(logits).float32Data()).containsExactly(1, -1, 0);
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferencesAndScalesWithTheSeed() {
        SplittableRandom random = new SplittableRandom(8);
        Tensor x = randomTensor(random, 5, 4);
        int[] labels = {0, 3, 2, 2, 1};
        Tape tape = new Tape();
        Variable logits = tape.parameter(x);
        Variable loss = SoftmaxCrossEntropy.of(tape, logits, labels);
        Tensor gradient = tape.backward(loss, Tensor.ofFloats(Shape.scalar(), 2f)).get(logits);
        double[] expected = numericGradient(x.float32Data(), xs -> {
            Tape fd = new Tape();
            return 2 * SoftmaxCrossEntropy.of(fd, fd.constant(Tensor.wrapFloat32(x.shape(), xs)), labels)
                    .value().getDouble(0);
        }, 1e-2);
        assertClose(gradient, expected, new Closeness(1e-3, 1e-2));
    }

    @Test
    void crossEntropyAcceptsIntegerTensorLabelsAndRejectsBadLabels() {
        Tape tape = new Tape();
        Variable logits = tape.constant(Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 4));
        double fromInts = SoftmaxCrossEntropy.of(tape, logits, new int[] {1, 0}).value().getDouble(0);
        double fromTensor = SoftmaxCrossEntropy.of(tape, logits, Tensor.ofLongs(Shape.of(2), 1, 0)).value().getDouble(0);
        assertThat(fromTensor).isEqualTo(fromInts);
        assertThatThrownBy(() -> SoftmaxCrossEntropy.of(tape, logits, new int[] {0, 2}))
                .isInstanceOf(TensorException.class).hasMessageContaining("outside [0, 2)");
        assertThatThrownBy(() -> SoftmaxCrossEntropy.of(tape, logits, new int[] {0}))
                .isInstanceOf(TensorException.class).hasMessageContaining("labels");
    }

    @Test
    void meanSquaredErrorValueAndGradient() {
        Tape tape = new Tape();
        Variable prediction = tape.parameter(Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 4));
        Tensor target = Tensor.ofFloats(Shape.of(2, 2), 0, 2, 5, 4);
        Variable loss = MeanSquaredError.of(tape, prediction, target);
        // ((1)² + 0 + (−2)² + 0) / 4
        assertThat(loss.value().getDouble(0)).isEqualTo(1.25);
        // 2·(p − t) / 4
        assertThat(tape.backward(loss).get(prediction).float32Data()).containsExactly(0.5f, 0, -1, 0);
        assertThatThrownBy(() -> MeanSquaredError.of(tape, prediction, Tensor.ofFloats(Shape.of(4), 1, 2, 3, 4)))
                .isInstanceOf(TensorException.class).hasMessageContaining("same shape");
    }
}
