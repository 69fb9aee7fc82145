package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import org.junit.jupiter.api.Test;

class ElementwiseCastKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor cast(Tensor x, long to) {
        return REGISTRY.run1("Cast", Attributes.builder().put("to", to).build(), x);
    }

    @Test
    void floatToIntegerTruncatesTowardZeroAndNanIsZero() {
        Tensor x = Tensor.ofFloats(Shape.of(5), 2.9f, -2.9f, Float.NaN, 300.5f, -0.5f);
        assertThat(cast(x, 6).dtype()).isEqualTo(DType.INT32);
        assertThat(cast(x, 6).toLongArray()).containsExactly(2L, -2L, 0L, 300L, 0L);
        assertThat(cast(x, 3).toLongArray()).containsExactly(2L, -2L, 0L, 44L, 0L); // int8: 300 wraps to 44
        assertThat(cast(x, 2).toLongArray()).containsExactly(2L, 254L, 0L, 44L, 0L); // uint8: −2 wraps to 254
    }

    @Test
    void toAndFromBool() {
        Tensor x = Tensor.ofDoubles(Shape.of(4), 0.0, -0.0, 0.5, Double.NaN);
        assertThat(cast(x, 9).dtype()).isEqualTo(DType.BOOL);
        assertThat(cast(x, 9).toLongArray()).containsExactly(0L, 0L, 1L, 1L);
        Tensor b = Tensor.ofBooleans(Shape.of(2), true, false);
        assertThat(cast(b, 1).toDoubleArray()).containsExactly(1.0, 0.0);
        assertThat(cast(b, 7).toLongArray()).containsExactly(1L, 0L);
        assertThat(cast(Tensor.ofLongs(Shape.of(3), -3, 0, 256), 9).toLongArray()).containsExactly(1L, 0L, 1L);
    }

    @Test
    void betweenFloatPrecisions() {
        Tensor x = Tensor.ofDoubles(Shape.of(3), 0.1, 70000, 1e-8);
        Tensor half = cast(x, 10);
        assertThat(half.dtype()).isEqualTo(DType.FLOAT16);
        // 0.1 → 1638·2^−14; 70000 overflows; 1e−8 is below half the smallest subnormal 2^−24 ≈ 6e−8, so 0.
        assertThat(half.toDoubleArray()).containsExactly(0.0999755859375, Double.POSITIVE_INFINITY, 0.0);
        assertThat(cast(x, 1).toDoubleArray()).containsExactly((double) 0.1f, 70000.0, (double) 1e-8f);
        assertThat(cast(cast(x, 1), 11).getDouble(0)).isEqualTo((double) 0.1f);
        assertThat(cast(Tensor.ofLongs(Shape.of(1), 2049), 10).getDouble(0)).isEqualTo(2048.0);
    }

    @Test
    void sameDtypeIsUnchanged() {
        Tensor x = Tensor.ofLongs(Shape.of(2, 1), 5, 6);
        Tensor y = cast(x, 7);
        assertThat(y.sameAs(x)).isTrue();
        assertThat(y.shape()).isEqualTo(Shape.of(2, 1));
    }

    @Test
    void castErrors() {
        Tensor x = Tensor.ofFloats(Shape.of(1), 1);
        assertThatThrownBy(() -> cast(x, 8))
                .isInstanceOf(TensorException.class)
                .hasMessage("Cast: unsupported ONNX data type code 8");
        assertThatThrownBy(() -> cast(x, 1L << 40))
                .isInstanceOf(TensorException.class)
                .hasMessage("Cast: unsupported ONNX data type code 1099511627776");
        assertThatThrownBy(() -> REGISTRY.run1("Cast", Attributes.empty(), x))
                .isInstanceOf(TensorException.class)
                .hasMessage("Cast: missing required attribute 'to'");
        Attributes saturate = Attributes.builder().put("to", 11L).put("saturate", 0L).build();
        assertThat(REGISTRY.run1("Cast", saturate, x).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void acceptsTheCast1TypeNameForm() {
        Tensor x = Tensor.ofDoubles(Shape.of(2), 1.5, -2.5);
        Tensor y = REGISTRY.run1("Cast", Attributes.builder().put("to", "INT32").build(), x);
        assertThat(y.dtype()).isEqualTo(DType.INT32);
        assertThat(y.toLongArray()).containsExactly(1L, -2L);
        assertThat(REGISTRY.run1("Cast", Attributes.builder().put("to", "FLOAT16").build(), x).dtype())
                .isEqualTo(DType.FLOAT16);
        assertThatThrownBy(() -> REGISTRY.run1("Cast", Attributes.builder().put("to", "STRING").build(), x))
                .isInstanceOf(TensorException.class)
                .hasMessage("Cast: unknown dtype 'STRING'");
    }

    @Test
    void identityReturnsItsInput() {
        Tensor x = Tensor.ofBooleans(Shape.of(2), true, false);
        assertThat(REGISTRY.run1("Identity", Attributes.empty(), x)).isSameAs(x);
        assertThatThrownBy(() -> REGISTRY.run1("Identity", Attributes.empty(), x, x))
                .isInstanceOf(TensorException.class)
                .hasMessage("Identity: expects 1 inputs, got 2");
    }
}
