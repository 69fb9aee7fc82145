package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementwiseUnaryKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Tensor run(String op, Tensor... inputs) {
        return REGISTRY.run1(op, Attributes.empty(), inputs);
    }

    private static Tensor run(String op, Attributes attributes, Tensor... inputs) {
        return REGISTRY.run1(op, attributes, inputs);
    }

    private static Tensor f32(double... values) {
        return Tensor.fromDoubles(DType.FLOAT32, Shape.of(values.length), values);
    }

    private static Tensor f64(double... values) {
        return Tensor.ofDoubles(Shape.of(values.length), values);
    }

    private static Tensor f16(double... values) {
        return Tensor.fromDoubles(DType.FLOAT16, Shape.of(values.length), values);
    }

    private static Tensor ints(DType dtype, long... values) {
        return Tensor.fromLongs(dtype, Shape.of(values.length), values);
    }

    /** Exact comparison that tells −0.0 from +0.0 and accepts NaN for NaN. */
    private static void assertBits(Tensor actual, double... expected) {
        double[] values = actual.toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.valueOf(values[i])).as("element %d of %s", i, actual)
                    .isEqualTo(Double.valueOf(expected[i]));
        }
    }

    @Test
    void absOnFloatsIntegersAndItsEdges() {
        Tensor y = run("Abs", f32(-1.5, 0.0, -0.0, NAN, -INF, 2.0));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertBits(y, 1.5, 0.0, 0.0, NAN, INF, 2.0);
        assertThat(run("Abs", ints(DType.INT8, -128, -5, 7)).toLongArray()).containsExactly(-128L, 5L, 7L);
        assertThat(run("Abs", ints(DType.UINT8, 200, 0)).toLongArray()).containsExactly(200L, 0L);
        assertThat(run("Abs", ints(DType.INT64, Long.MIN_VALUE + 1)).toLongArray())
                .containsExactly(Long.MAX_VALUE);
        assertThatThrownBy(() -> run("Abs", Tensor.ofBooleans(Shape.of(1), true)))
                .isInstanceOf(TensorException.class)
                .hasMessageStartingWith("Abs: input X has unsupported dtype bool");
    }

    @Test
    void negIsSignedOnly() {
        assertBits(run("Neg", f64(1.5, 0.0, -INF, NAN)), -1.5, -0.0, INF, NAN);
        assertThat(run("Neg", ints(DType.INT32, Integer.MIN_VALUE, 3)).toLongArray())
                .containsExactly((long) Integer.MIN_VALUE, -3L); // −(−2^31) wraps back to −2^31
        assertThat(run("Neg", ints(DType.INT8, -128, 127)).toLongArray()).containsExactly(-128L, -127L);
        assertThatThrownBy(() -> run("Neg", ints(DType.UINT8, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype uint8");
    }

    @Test
    void sqrtExpLogAndReciprocalFollowIeee() {
        assertBits(run("Sqrt", f32(4, 2.25, 0, -0.0, -1, INF)), 2, 1.5, 0, -0.0, NAN, INF);
        assertBits(run("Sqrt", f64(2)), Math.sqrt(2));
        assertBits(run("Exp", f32(0, -INF, INF, 1000, 1)), 1, 0, INF, INF, (float) Math.E);
        // e rounds to 1392·2^−9 = 2.71875 in float16 (spacing 2^−9 in [2, 4), e/2^−9 ≈ 1391.8).
        assertBits(run("Exp", f16(1)), 2.71875);
        assertBits(run("Log", f64(1, Math.E, 0, -0.0, -1, INF, NAN)), 0, 1, -INF, -INF, NAN, INF, NAN);
        assertBits(run("Reciprocal", f32(4, -0.5, 0, -0.0, INF)), 0.25, -2, INF, -INF, 0);
        assertBits(run("Reciprocal", f32(3)), 1.0f / 3.0f);
    }

    @Test
    void roundingFamily() {
        assertBits(run("Ceil", f32(-0.5, 0.5, -1.0, 2.0000002, NAN)), -0.0, 1, -1, 3, NAN);
        assertBits(run("Floor", f32(-0.5, 0.5, -1.0, -INF)), -1, 0, -1, -INF);
        // Round is half to even: 0.5→0, 1.5→2, 2.5→2, −0.5→−0, −2.5→−2.
        assertBits(run("Round", f32(0.5, 1.5, 2.5, -0.5, -2.5, 2.4, 2.6, -3.5)), 0, 2, 2, -0.0, -2, 2, 3, -4);
        assertBits(run("Round", f16(0.5, 1.5, 1000.5)), 0, 2, 1000); // 1000.5 is a float16 (spacing 0.5)
        assertThatThrownBy(() -> run("Round", ints(DType.INT32, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("input X has unsupported dtype int32");
    }

    @Test
    void trigonometryOnKnownAngles() {
        double pi = Math.PI;
        Tensor sin = run("Sin", f64(0, pi / 6, pi / 2, -pi / 2, INF));
        assertThat(sin.toDoubleArray()[1]).isCloseTo(0.5, offset(1e-15));
        assertBits(run("Sin", f64(0, pi / 2, -pi / 2, INF, NAN)), 0, 1, -1, NAN, NAN);
        assertBits(run("Cos", f64(0, INF)), 1, NAN);
        assertThat(run("Cos", f64(pi / 3)).getDouble(0)).isCloseTo(0.5, offset(1e-15));
        assertThat(run("Tan", f64(pi / 4)).getDouble(0)).isCloseTo(1.0, offset(1e-15));
        assertBits(run("Asin", f32(1, -1, 0, 2)), (float) (pi / 2), (float) (-pi / 2), 0, NAN);
        assertBits(run("Acos", f64(1, -1, 0, -1.5)), 0, pi, pi / 2, NAN);
        assertBits(run("Atan", f64(INF, -INF, 1)), pi / 2, -pi / 2, pi / 4);
        assertBits(run("Sin", f16(0)), 0);
    }

    @Test
    void floatOnlyOperatorsRejectOtherDtypesAndWrongCounts() {
        for (String op : List.of("Sqrt", "Exp", "Log", "Reciprocal", "Ceil", "Floor", "Round", "Sin", "Cos", "Tan",
                "Asin", "Acos", "Atan")) {
            assertThatThrownBy(() -> run(op, ints(DType.INT64, 1)))
                    .as(op)
                    .isInstanceOf(TensorException.class)
                    .hasMessageStartingWith(op + ": input ")
                    .hasMessageContaining("unsupported dtype int64 (allowed: float16, float32, float64)");
            assertThatThrownBy(() -> run(op, f32(1), f32(1)))
                    .isInstanceOf(TensorException.class)
                    .hasMessage(op + ": expects 1 inputs, got 2");
        }
        assertThatThrownBy(() -> REGISTRY.run("Exp", Arrays.asList((Tensor) null), Attributes.empty()))
                .isInstanceOf(TensorException.class)
                .hasMessage("Exp: missing required input 0 (input)");
    }

    @Test
    void shapesArePreservedIncludingScalarsAndEmptyTensors() {
        Tensor matrix = Tensor.ofFloats(Shape.of(2, 2), 1, 4, 9, 16);
        Tensor root = run("Sqrt", matrix);
        assertThat(root.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(root.toFloatArray()).containsExactly(1, 2, 3, 4);
        assertThat(run("Neg", Tensor.scalar(DType.INT16, 5)).shape()).isEqualTo(Shape.scalar());
        assertThat(run("Exp", Tensor.zeros(DType.FLOAT64, Shape.of(0, 3))).shape()).isEqualTo(Shape.of(0, 3));
    }

    @Test
    void clipWithOptionalBounds() {
        Tensor x = f32(-3, -1, 0, 1, 3, NAN);
        Tensor lo = Tensor.scalar(DType.FLOAT32, -1.5);
        Tensor hi = Tensor.scalar(DType.FLOAT32, 2);
        assertBits(run("Clip", x, lo, hi), -1.5, -1, 0, 1, 2, NAN);
        assertBits(run("Clip", x, lo), -1.5, -1, 0, 1, 3, NAN);
        assertBits(run("Clip", x, null, hi), -3, -1, 0, 1, 2, NAN);
        assertBits(run("Clip", x), -3, -1, 0, 1, 3, NAN);
        // min > max: every element becomes max.
        assertBits(run("Clip", f32(-5, 0, 5), Tensor.scalar(DType.FLOAT32, 2), Tensor.scalar(DType.FLOAT32, 1)),
                1, 1, 1);
        // A one-element 1-D bound is accepted, as ONNX Runtime does.
        assertBits(run("Clip", f64(-5, 5), f64(-1), f64(1)), -1, 1);
    }

    @Test
    void clipWithoutABoundUsesTheDtypesFiniteRange() {
        assertBits(run("Clip", f32(-INF, INF)), -Float.MAX_VALUE, Float.MAX_VALUE);
        assertBits(run("Clip", f16(-INF, INF)), -65504, 65504);
        assertBits(run("Clip", f64(-INF, INF)), -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    @Test
    void clipOnIntegers() {
        Tensor x = ints(DType.INT8, -128, -3, 0, 3, 127);
        assertThat(run("Clip", x, Tensor.scalar(DType.INT8, -2), Tensor.scalar(DType.INT8, 2)).toLongArray())
                .containsExactly(-2L, -2L, 0L, 2L, 2L);
        assertThat(run("Clip", ints(DType.UINT8, 0, 9, 255), Tensor.scalar(DType.UINT8, 5)).toLongArray())
                .containsExactly(5L, 9L, 255L);
        assertThat(run("Clip", ints(DType.INT64, Long.MIN_VALUE, Long.MAX_VALUE)).toLongArray())
                .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void clipAcceptsTheOpset6AttributeForm() {
        Attributes attributes = Attributes.builder().put("min", -1.0).put("max", 0.1).build();
        // ONNX float attributes are float32, so the bound is the float nearest 0.1 even for float64 data.
        assertBits(run("Clip", attributes, f64(-2, 0, 2)), -1, 0, (double) 0.1f);
        Attributes onlyMax = Attributes.builder().put("max", 1.0).build();
        assertBits(run("Clip", onlyMax, f32(-7, 7)), -7, 1);
    }

    @Test
    void clipRejectsBadBounds() {
        assertThatThrownBy(() -> run("Clip", f32(1), f32(0, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Clip: input min must be a scalar, got shape [2]");
        assertThatThrownBy(() -> run("Clip", f32(1), Tensor.scalar(DType.FLOAT64, 0)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Clip: inputs input and min must have the same dtype, got float32 and float64");
        assertThatThrownBy(() -> run("Clip", f32(1), null, Tensor.ofFloats(Shape.of(1, 1), 2)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("input max must be a scalar");
        assertThatThrownBy(() -> run("Clip", Tensor.ofBooleans(Shape.of(1), true)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype bool");
        assertThatThrownBy(() -> run("Clip", f32(1), null, null, null))
                .isInstanceOf(TensorException.class)
                .hasMessage("Clip: expects 1 to 3 inputs, got 4");
    }
}
