package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Max, Min and Where: operators that pick one of their inputs' elements. */
class ElementwiseSelectionKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Tensor run(String op, Tensor... inputs) {
        return REGISTRY.run1(op, Attributes.empty(), inputs);
    }

    private static Tensor f32(double... values) {
        return Tensor.fromDoubles(DType.FLOAT32, Shape.of(values.length), values);
    }

    private static Tensor f64(double... values) {
        return Tensor.ofDoubles(Shape.of(values.length), values);
    }

    private static Tensor ints(DType dtype, long... values) {
        return Tensor.fromLongs(dtype, Shape.of(values.length), values);
    }

    private static void assertBits(Tensor actual, double... expected) {
        double[] values = actual.toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.valueOf(values[i])).as("element %d of %s", i, actual)
                    .isEqualTo(Double.valueOf(expected[i]));
        }
    }

    @Test
    void maxAndMinOfTwo() {
        Tensor a = f32(1, 5, -INF, 2);
        Tensor b = f32(3, 4, -7, 2);
        assertBits(run("Max", a, b), 3, 5, -7, 2);
        assertBits(run("Min", a, b), 1, 4, -INF, 2);
    }

    @Test
    void nanPropagatesAndTheFirstZeroWinsATie() {
        assertBits(run("Max", f64(NAN, 1, NAN), f64(1, NAN, NAN)), NAN, NAN, NAN);
        assertBits(run("Min", f64(NAN, 1), f64(1, NAN)), NAN, NAN);
        // Like std::max/std::min: equal operands (−0 == +0) return the earlier input.
        assertBits(run("Max", f32(-0.0, 0.0), f32(0.0, -0.0)), -0.0, 0.0);
        assertBits(run("Min", f32(-0.0, 0.0), f32(0.0, -0.0)), -0.0, 0.0);
    }

    @Test
    void variadicBroadcastingOfThree() {
        Tensor column = Tensor.ofFloats(Shape.of(2, 1), 1, 10);
        Tensor row = Tensor.ofFloats(Shape.of(1, 3), 0, 5, 20);
        Tensor scalar = Tensor.scalar(DType.FLOAT32, 4);
        Tensor max = run("Max", column, row, scalar);
        assertThat(max.shape()).isEqualTo(Shape.of(2, 3));
        assertBits(max, 4, 5, 20, 10, 10, 20);
        assertBits(run("Min", column, row, scalar), 0, 1, 1, 0, 4, 4);
    }

    @Test
    void singleInputAndIntegers() {
        Tensor x = f32(3, -1);
        assertThat(run("Max", x).sameAs(x)).isTrue();
        long big = (1L << 53) + 1; // not representable in float64: the comparison must stay in int64
        assertThat(run("Max", Tensor.ofLongs(Shape.of(2), big, 0), Tensor.ofLongs(Shape.of(2), big - 1, -1))
                .toLongArray()).containsExactly(big, 0L);
        assertThat(run("Min", ints(DType.UINT8, 200, 3), ints(DType.UINT8, 100, 255)).toLongArray())
                .containsExactly(100L, 3L);
        assertThat(run("Max", ints(DType.INT8, -128, 5), ints(DType.INT8, 127, -5)).toLongArray())
                .containsExactly(127L, 5L);
    }

    @Test
    void manyInputs() {
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(Tensor.ofLongs(Shape.of(2), i, -i));
        }
        Tensor max = REGISTRY.run("Max", inputs, Attributes.empty()).get(0);
        assertThat(max.toLongArray()).containsExactly(9L, 0L);
    }

    @Test
    void maxMinErrors() {
        assertThatThrownBy(() -> REGISTRY.run("Max", List.of(), Attributes.empty()))
                .isInstanceOf(TensorException.class)
                .hasMessage("Max: expects at least 1 input, got 0");
        assertThatThrownBy(() -> run("Min", f32(1), f64(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Min: inputs data_0 and data_1 must have the same dtype, got float32 and float64");
        assertThatThrownBy(() -> run("Max", f32(1, 2), f32(1, 2, 3)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("cannot be broadcast together");
        assertThatThrownBy(() -> REGISTRY.run("Max", Arrays.asList(f32(1), null), Attributes.empty()))
                .isInstanceOf(TensorException.class)
                .hasMessage("Max: missing required input 1 (data_1)");
        assertThatThrownBy(() -> run("Max", Tensor.ofBooleans(Shape.of(1), true)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype bool");
    }

    @Test
    void whereBroadcastsAllThreeInputs() {
        Tensor condition = Tensor.ofBooleans(Shape.of(2, 1), true, false);
        Tensor x = Tensor.ofFloats(Shape.of(3), 1, 2, 3);
        Tensor y = Tensor.scalar(DType.FLOAT32, -1);
        Tensor out = run("Where", condition, x, y);
        assertThat(out.shape()).isEqualTo(Shape.of(2, 3));
        assertBits(out, 1, 2, 3, -1, -1, -1);
        Tensor elementwise = run("Where", Tensor.ofBooleans(Shape.of(3), true, false, true), x, f32(7, 8, NAN));
        assertBits(elementwise, 1, 8, 3);
    }

    @Test
    void whereKeepsEveryDtype() {
        Tensor condition = Tensor.ofBooleans(Shape.of(2), false, true);
        Tensor half = run("Where", condition, Tensor.fromDoubles(DType.FLOAT16, Shape.of(2), new double[] {0.1, 0.2}),
                Tensor.fromDoubles(DType.FLOAT16, Shape.of(2), new double[] {0.3, 0.4}));
        assertThat(half.dtype()).isEqualTo(DType.FLOAT16);
        // The picked elements are the float16 values already stored: 0.3 → 1229·2^−12, 0.2 → 1638·2^−13.
        assertBits(half, 1229 * 0x1.0p-12, 1638 * 0x1.0p-13);
        Tensor int8 = run("Where", condition, ints(DType.INT8, -128, 127), ints(DType.INT8, 1, 2));
        assertThat(int8.dtype()).isEqualTo(DType.INT8);
        assertThat(int8.toLongArray()).containsExactly(1L, 127L);
        long big = Long.MAX_VALUE;
        assertThat(run("Where", condition, Tensor.ofLongs(Shape.of(2), 0, big), Tensor.ofLongs(Shape.of(1), 5))
                .toLongArray()).containsExactly(5L, big);
        Tensor bools = run("Where", condition, Tensor.ofBooleans(Shape.of(2), true, true),
                Tensor.ofBooleans(Shape.of(2), false, false));
        assertThat(bools.dtype()).isEqualTo(DType.BOOL);
        assertThat(bools.toLongArray()).containsExactly(0L, 1L);
    }

    @Test
    void whereErrors() {
        assertThatThrownBy(() -> run("Where", f32(1), f32(1), f32(2)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Where: input condition has unsupported dtype float32 (allowed: bool)");
        Tensor condition = Tensor.ofBooleans(Shape.of(1), true);
        assertThatThrownBy(() -> run("Where", condition, f32(1), f64(2)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Where: inputs X and Y must have the same dtype, got float32 and float64");
        assertThatThrownBy(() -> run("Where", Tensor.ofBooleans(Shape.of(2), true, false), f32(1, 2, 3), f32(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Where: shapes [2] and [3] and [1] cannot be broadcast together");
        assertThatThrownBy(() -> run("Where", condition, f32(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Where: expects 3 inputs, got 2");
    }
}
