package dev.crest.tensor.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static final Tensor ONES = Tensor.full(DType.FLOAT32, Shape.of(100, 100), 1.0);

    private static float[] apply(Dropout dropout, Tensor x) {
        Tape tape = new Tape();
        return dropout.forward(tape, tape.constant(x)).value().float32Data();
    }

    @Test
    void sameSeedDropsSameElementsAndSurvivorsAreScaled() {
        float[] a = apply(new Dropout(0.25, 11L), ONES);
        float[] b = apply(new Dropout(0.25, 11L), ONES);
        float[] c = apply(new Dropout(0.25, 12L), ONES);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        int dropped = 0;
        for (float v : a) {
            assertThat(v).isIn(0f, (float) (1 / 0.75));
            if (v == 0f) {
                dropped++;
            }
        }
        // 10,000 Bernoulli(0.25) draws: mean 2,500, standard deviation about 43; allow over 5 deviations
        assertThat(dropped).isBetween(2280, 2720);
    }

    @Test
    void successiveCallsDrawFreshMasks() {
        Dropout dropout = new Dropout(0.5, 3L);
        assertThat(apply(dropout, ONES)).isNotEqualTo(apply(dropout, ONES));
    }

    @Test
    void gradientUsesTheSameMask() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.full(DType.FLOAT32, Shape.of(8, 8), 2.0));
        Variable y = new Dropout(0.5, 5L).forward(tape, x);
        float[] dx = tape.backward(y, Tensor.full(DType.FLOAT32, Shape.of(8, 8), 1.0)).get(x).float32Data();
        float[] out = y.value().float32Data();
        for (int i = 0; i < out.length; i++) {
            // y = 2·mask, so dy/dx = mask = y / 2
            assertThat(dx[i]).isEqualTo(out[i] / 2);
        }
    }

    @Test
    void evalModeIsTheIdentity() {
        Dropout dropout = new Dropout(0.9, 1L);
        Sequential model = new Sequential(dropout);
        model.eval();
        assertThat(dropout.isTraining()).isFalse();
        assertThat(apply(dropout, ONES)).containsOnly(1f);
        model.train();
        assertThat(dropout.isTraining()).isTrue();
    }

    @Test
    void rejectsProbabilityOutsideUnitInterval() {
        assertThatThrownBy(() -> new Dropout(1.0, 1L)).isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> new Dropout(-0.1, 1L)).isInstanceOf(TensorException.class);
    }
}
