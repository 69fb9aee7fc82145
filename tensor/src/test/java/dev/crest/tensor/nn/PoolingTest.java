package dev.crest.tensor.nn;

import static dev.crest.tensor.nn.GradientCheck.assertClose;
import static dev.crest.tensor.nn.GradientCheck.numericGradient;
import static dev.crest.tensor.nn.GradientCheck.randomTensor;
import static dev.crest.tensor.nn.GradientCheck.weightedSum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoolingTest {
    /** A 1×1×4×4 image holding 1..16 row by row. */
    private static Tensor ramp() {
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i + 1;
        }
        return Tensor.wrapFloat32(Shape.of(1, 1, 4, 4), v);
    }

    @Test
    void maxPoolPicksWindowMaximaAndRoutesGradientToThem() {
        Tape tape = new Tape();
        Variable x = tape.parameter(ramp());
        Variable y = new MaxPool2d(2).forward(tape, x);
        assertThat(y.value().shape()).isEqualTo(Shape.of(1, 1, 2, 2));
        assertThat(y.value().float32Data()).containsExactly(6, 8, 14, 16);
        Tensor dx = tape.backward(y, Tensor.ofFloats(Shape.of(1, 1, 2, 2), 1, 2, 3, 4)).get(x);
        assertThat(dx.float32Data()).containsExactly(
                0, 0, 0, 0,
                0, 1, 0, 2,
                0, 0, 0, 0,
                0, 3, 0, 4);
    }

    @Test
    void maxPoolPropagatesNanAndRoutesItsGradientToTheNan() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofFloats(Shape.of(1, 1, 2, 2), 1, Float.NaN, 3, 2));
        Variable y = new MaxPool2d(2).forward(tape, x);
        assertThat(y.value().float32Data()[0]).isNaN();
        Tensor dx = tape.backward(y, Tensor.ofFloats(Shape.of(1, 1, 1, 1), 1)).get(x);
        assertThat(dx.float32Data()).containsExactly(0, 1, 0, 0);
    }

    @Test
    void maxPoolWithPaddingNeverPicksPaddingAndOverlappingWindowsAccumulate() {
        Tape tape = new Tape();
        float[] negative = new float[16];
        for (int i = 0; i < 16; i++) {
            negative[i] = -(i + 1);
        }
        Variable x = tape.parameter(Tensor.wrapFloat32(Shape.of(1, 1, 4, 4), negative));
        // kernel 3, stride 2, padding 1: output (4 + 2 - 3) / 2 + 1 = 2; windows rows/cols {-1..1} and {1..3}
        Variable y = new MaxPool2d(3, 2, 1).forward(tape, x);
        assertThat(y.value().float32Data()).containsExactly(-1, -2, -5, -6);
        Tensor dx = tape.backward(y, Tensor.ofFloats(Shape.of(1, 1, 2, 2), 1, 1, 1, 1)).get(x);
        assertThat(dx.float32Data()).containsExactly(
                1, 1, 0, 0,
                1, 1, 0, 0,
                0, 0, 0, 0,
                0, 0, 0, 0);
    }

    @Test
    void avgPoolAveragesWindowsAndSpreadsGradientEvenly() {
        Tape tape = new Tape();
        Variable x = tape.parameter(ramp());
        Variable y = new AvgPool2d(2).forward(tape, x);
        assertThat(y.value().float32Data()).containsExactly(3.5f, 5.5f, 11.5f, 13.5f);
        Tensor dx = tape.backward(y, Tensor.ofFloats(Shape.of(1, 1, 2, 2), 4, 8, 12, 16)).get(x);
        assertThat(dx.float32Data()).containsExactly(
                1, 1, 2, 2,
                1, 1, 2, 2,
                3, 3, 4, 4,
                3, 3, 4, 4);
    }

    @Test
    void avgPoolWithPaddingCountsOnlyRealElementsAndMatchesFiniteDifferences() {
        Tape tape = new Tape();
        Variable ones = tape.parameter(Tensor.ofFloats(Shape.of(1, 1, 3, 3), 1, 1, 1, 1, 1, 1, 1, 1, 1));
        // count_include_pad = 0: averaging only real ones gives exactly 1 everywhere, even at the borders
        assertThat(new AvgPool2d(3, 1, 1).forward(tape, ones).value().float32Data()).containsOnly(1f);

        SplittableRandom random = new SplittableRandom(4);
        Tensor x = randomTensor(random, 2, 2, 5, 5);
        AvgPool2d pool = new AvgPool2d(3, 2, 1);
        Tape t = new Tape();
        Variable input = t.parameter(x);
        Variable y = pool.forward(t, input);
        Tensor r = randomTensor(random, y.value().shape().dims());
        Tensor dx = t.backward(y, r).get(input);
        double[] expected = numericGradient(x.float32Data(), xs -> {
            Tape fd = new Tape();
            return weightedSum(pool.forward(fd, fd.constant(Tensor.wrapFloat32(x.shape(), xs))).value(), r);
        }, 0.05);
        assertClose(dx, expected, new Closeness(1e-3, 1e-3));
    }

    @Test
    void rejectsPaddingAboveHalfTheKernelAndNonImageInput() {
        assertThatThrownBy(() -> new MaxPool2d(2, 2, 2)).isInstanceOf(TensorException.class);
        Tape tape = new Tape();
        assertThatThrownBy(() -> new MaxPool2d(2).forward(tape, tape.constant(Tensor.ofFloats(Shape.of(4), 1, 2, 3, 4))))
                .isInstanceOf(TensorException.class).hasMessageContaining("rank-4");
    }
}
