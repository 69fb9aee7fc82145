package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import org.junit.jupiter.api.Test;

class ElementwiseActivationKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Closeness FLOAT64_CLOSE = new Closeness(0, 1e-14);

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

    private static void assertBits(Tensor actual, double... expected) {
        double[] values = actual.toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.valueOf(values[i])).as("element %d of %s", i, actual)
                    .isEqualTo(Double.valueOf(expected[i]));
        }
    }

    private static void assertClose(Tensor actual, Closeness rule, double... expected) {
        Tensor want = Tensor.fromDoubles(actual.dtype(), Shape.of(expected.length), expected)
                .reshape(actual.shape());
        assertThat(rule.firstMismatch(actual, want)).as("%s vs %s", actual, want).isEqualTo(-1);
    }

    @Test
    void reluKeepsNanAndSignedIntegers() {
        assertBits(run("Relu", f32(-1, 0, 2.5, NAN, -INF, INF, -0.0)), 0, 0, 2.5, NAN, 0, INF, -0.0);
        assertThat(run("Relu", Tensor.fromLongs(DType.INT8, Shape.of(3), new long[] {-128, 0, 5})).toLongArray())
                .containsExactly(0L, 0L, 5L);
        assertThat(run("Relu", Tensor.ofLongs(Shape.of(2), Long.MIN_VALUE, Long.MAX_VALUE)).toLongArray())
                .containsExactly(0L, Long.MAX_VALUE);
        assertThatThrownBy(() -> run("Relu", Tensor.fromLongs(DType.UINT8, Shape.of(1), new long[] {1})))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype uint8");
    }

    @Test
    void leakyReluUsesAFloat32Alpha() {
        // Default alpha 0.01 as a float32; doubling is exact, so −2·0.01f is the float32 nearest −0.02.
        assertBits(run("LeakyRelu", f32(-2, 0, 3, NAN)), -0.02f, 0, 3, NAN);
        Attributes alpha = Attributes.builder().put("alpha", 0.1).build();
        assertBits(run("LeakyRelu", alpha, f64(-1, 4)), -(double) 0.1f, 4);
        assertThatThrownBy(() -> run("LeakyRelu", Tensor.ofLongs(Shape.of(1), -1)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype int64");
    }

    @Test
    void preluBroadcastsTheSlopeToX() {
        Tensor x = Tensor.fromDoubles(DType.FLOAT32, Shape.of(2, 3), new double[] {-1, 2, -3, 4, -5, -6});
        Tensor perColumn = f32(0.5, 0.25, 2);
        Tensor y = run("PRelu", x, perColumn);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
        assertBits(y, -0.5, 2, -6, 4, -1.25, -12);
        Tensor perRow = Tensor.fromDoubles(DType.FLOAT32, Shape.of(2, 1), new double[] {0.1, 10});
        assertBits(run("PRelu", x, perRow), -0.1f, 2, (float) (-3 * (double) 0.1f), 4, -50, -60);
        assertBits(run("PRelu", x, Tensor.scalar(DType.FLOAT32, 0)), -0.0, 2, -0.0, 4, -0.0, -0.0);
        assertBits(run("PRelu", f64(NAN, -INF), f64(0.5, 0.5)), NAN, -INF);
    }

    @Test
    void preluOnIntegersAndItsErrors() {
        Tensor x = Tensor.fromLongs(DType.INT32, Shape.of(3), new long[] {-3, 0, 7});
        assertThat(run("PRelu", x, Tensor.fromLongs(DType.INT32, Shape.of(1), new long[] {2})).toLongArray())
                .containsExactly(-6L, 0L, 7L);
        assertThatThrownBy(() -> run("PRelu", f32(1, 2, 3), f32(1, 2)))
                .isInstanceOf(TensorException.class)
                .hasMessage("PRelu: slope of shape [2] cannot be broadcast to X of shape [3]");
        // Unidirectional: a slope that would grow X's shape is rejected.
        assertThatThrownBy(() -> run("PRelu", f32(1, 2, 3), Tensor.ofFloats(Shape.of(2, 3), 1, 1, 1, 1, 1, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("PRelu: slope of shape [2, 3] cannot be broadcast to X of shape [3]");
        assertThatThrownBy(() -> run("PRelu", f32(1), f64(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("PRelu: inputs X and slope must have the same dtype, got float32 and float64");
        assertThatThrownBy(() -> run("PRelu", Tensor.fromLongs(DType.INT8, Shape.of(1), new long[] {1}),
                Tensor.fromLongs(DType.INT8, Shape.of(1), new long[] {1})))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype int8");
        assertThatThrownBy(() -> run("PRelu", f32(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("PRelu: expects 2 inputs, got 1");
    }

    @Test
    void sigmoidAndTanhOnExactPoints() {
        double ln3 = Math.log(3);
        // σ(ln 3) = 1/(1 + 1/3) = 3/4 and σ(−ln 3) = 1/4; σ saturates without overflow.
        assertClose(run("Sigmoid", f64(0, ln3, -ln3, 1000, -1000)), FLOAT64_CLOSE, 0.5, 0.75, 0.25, 1, 0);
        assertBits(run("Sigmoid", f32(0, INF, -INF, NAN)), 0.5, 1, 0, NAN);
        assertBits(run("Sigmoid", Tensor.fromDoubles(DType.FLOAT16, Shape.of(1), new double[] {ln3})), 0.75);
        // tanh(ln 2) = (4 − 1)/(4 + 1) = 0.6.
        assertClose(run("Tanh", f64(0, Math.log(2), -Math.log(2))), FLOAT64_CLOSE, 0, 0.6, -0.6);
        assertBits(run("Tanh", f32(INF, -INF, NAN, -0.0)), 1, -1, NAN, -0.0);
    }

    @Test
    void geluExactIsXTimesTheNormalCdf() {
        // x·Φ(x) with Φ from the standard normal table: Φ(1) = 0.8413447460685429, Φ(2) = 0.9772498680518208,
        // Φ(−3) = 0.0013498980316301, Φ(−10) = 7.619853024160527e−24 (where 1 + erf would cancel to 0).
        Tensor y = run("Gelu", f64(0, 1, -1, 2, -3, -10));
        assertClose(y, new Closeness(0, 1e-13), 0, 0.8413447460685429, -0.15865525393145707, 1.9544997361036416,
                -0.004049694094890287, -7.619853024160527e-23);
        assertBits(run("Gelu", f64(INF, -INF, NAN)), INF, NAN, NAN);
        // float16: 0.84134… lies between 1723·2^−11 and 1724·2^−11, nearer the former.
        assertBits(run("Gelu", Tensor.fromDoubles(DType.FLOAT16, Shape.of(1), new double[] {1})), 1723 * 0x1.0p-11);
        assertBits(run("Gelu", f32(1)), (float) 0.8413447460685429);
    }

    @Test
    void geluTanhApproximation() {
        Attributes tanh = Attributes.builder().put("approximate", "tanh").build();
        // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) evaluated independently in high precision.
        assertClose(run("Gelu", tanh, f64(1, -1, 2, -3)), new Closeness(0, 1e-13), 0.8411919906082768,
                -0.15880800939172324, 1.954597694087775, -0.0036373920817729943);
        assertThatThrownBy(() -> run("Gelu", Attributes.builder().put("approximate", "erf").build(), f32(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Gelu: attribute 'approximate' must be \"none\" or \"tanh\", got \"erf\"");
    }

    @Test
    void softmaxAlongTheLastAxisByDefault() {
        Tensor x = Tensor.ofDoubles(Shape.of(2, 3), 1, 2, 3, 1000, 1000, 1000);
        Tensor y = run("Softmax", x);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertClose(y, FLOAT64_CLOSE, Math.exp(1) / sum, Math.exp(2) / sum, Math.exp(3) / sum,
                1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    }

    @Test
    void softmaxAlongAnInnerAxis() {
        // Shape [2, 2, 2], axis 1: pairs (x[o,0,i], x[o,1,i]) are normalized together.
        double ln3 = Math.log(3);
        Tensor x = Tensor.ofDoubles(Shape.of(2, 2, 2), 0, 0, ln3, 0, 5, -1, 5, -1);
        Attributes axis1 = Attributes.builder().put("axis", 1L).build();
        assertClose(run("Softmax", axis1, x), FLOAT64_CLOSE, 0.25, 0.5, 0.75, 0.5, 0.5, 0.5, 0.5, 0.5);
        Attributes axisMinus2 = Attributes.builder().put("axis", -2L).build();
        assertThat(run("Softmax", axisMinus2, x).sameAs(run("Softmax", axis1, x))).isTrue();
        Attributes axis0 = Attributes.builder().put("axis", 0L).build();
        // Along axis 0 the pairs are (0, 5), (0, −1), (ln 3, 5), (0, −1).
        Tensor y0 = run("Softmax", axis0, x);
        assertThat(y0.getDouble(0) + y0.getDouble(4)).isCloseTo(1.0, offset(1e-15));
        assertThat(y0.getDouble(1)).isCloseTo(Math.E / (Math.E + 1), offset(1e-15));
    }

    @Test
    void softmaxEdgeValues() {
        Tensor x = Tensor.ofDoubles(Shape.of(4, 2), -INF, 0, NAN, 1, INF, 1, -INF, -INF);
        assertBits(run("Softmax", x), 0, 1, NAN, NAN, NAN, NAN, NAN, NAN);
        assertBits(run("Softmax", Tensor.fromDoubles(DType.FLOAT16, Shape.of(2), new double[] {0, Math.log(3)})),
                0.25, 0.75);
        assertThat(run("Softmax", Tensor.zeros(DType.FLOAT32, Shape.of(2, 0))).shape()).isEqualTo(Shape.of(2, 0));
        assertThat(run("Softmax", Tensor.zeros(DType.FLOAT32, Shape.of(0, 3))).shape()).isEqualTo(Shape.of(0, 3));
    }

    @Test
    void softmaxErrors() {
        assertThatThrownBy(() -> run("Softmax", Attributes.builder().put("axis", 2L).build(), f32(1, 2)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Softmax: axis 2 is out of range for rank 1");
        assertThatThrownBy(() -> run("Softmax", Tensor.scalar(DType.FLOAT32, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("out of range for rank 0");
        assertThatThrownBy(() -> run("Softmax", Tensor.ofLongs(Shape.of(2), 1, 2)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype int64");
    }

    @Test
    void floatOnlyActivationsRejectIntegers() {
        for (String op : new String[] {"Sigmoid", "Tanh", "Gelu"}) {
            assertThatThrownBy(() -> run(op, Tensor.ofLongs(Shape.of(1), 1)))
                    .as(op)
                    .isInstanceOf(TensorException.class)
                    .hasMessageContaining("unsupported dtype int64");
        }
    }
}
