package dev.crest.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void fromDoublesRoundsOnceToTheDtype() {
        Tensor half = Tensor.fromDoubles(DType.FLOAT16, Shape.of(3), new double[] {0.1, 65520, 1 + 0x1.0p-11});
        assertThat(half.toDoubleArray()).containsExactly(0.0999755859375, Double.POSITIVE_INFINITY, 1.0);
        Tensor single = Tensor.fromDoubles(DType.FLOAT32, Shape.of(1), new double[] {0.1});
        assertThat(single.getDouble(0)).isEqualTo((double) 0.1f);
        Tensor ints = Tensor.fromDoubles(DType.INT8, Shape.of(4), new double[] {-2.7, 2.7, 200, Double.NaN});
        assertThat(ints.toLongArray()).containsExactly(-2L, 2L, -56L, 0L);
        Tensor bools = Tensor.fromDoubles(DType.BOOL, Shape.of(3), new double[] {0, -0.5, Double.NaN});
        assertThat(bools.toLongArray()).containsExactly(0L, 1L, 1L);
    }

    @Test
    void fromLongsWrapsIntegersAndConvertsToFloats() {
        assertThat(Tensor.fromLongs(DType.UINT8, Shape.of(3), new long[] {-1, 256, 300}).toLongArray())
                .containsExactly(255L, 0L, 44L);
        assertThat(Tensor.fromLongs(DType.INT16, Shape.of(1), new long[] {32768}).getLong(0)).isEqualTo(-32768L);
        assertThat(Tensor.fromLongs(DType.BOOL, Shape.of(2), new long[] {7, 0}).toLongArray()).containsExactly(1L, 0L);
        assertThat(Tensor.fromLongs(DType.FLOAT16, Shape.of(2), new long[] {2049, 70000}).toDoubleArray())
                .containsExactly(2048.0, Double.POSITIVE_INFINITY);
        assertThat(Tensor.fromLongs(DType.FLOAT64, Shape.of(1), new long[] {(1L << 53) + 1}).getDouble(0))
                .isEqualTo(0x1.0p53);
    }

    @Test
    void int64ToFloat32RoundsOnceNotTwice() {
        // 2^60 + 2^36 + 1 lies just above the midpoint 2^60 + 2^36 of the float32 neighbours 2^60 and 2^60 + 2^37,
        // so it rounds up. Through float64 first, the +1 is lost and the exact tie then rounds to even, 2^60.
        long value = (1L << 60) + (1L << 36) + 1;
        double expected = 0x1.0p60 + 0x1.0p37;
        assertThat(Tensor.fromLongs(DType.FLOAT32, Shape.of(1), new long[] {value}).getDouble(0)).isEqualTo(expected);
        assertThat(Tensor.ofLongs(Shape.of(1), value).cast(DType.FLOAT32).getDouble(0)).isEqualTo(expected);
    }

    @Test
    void castFollowsOnnxSemantics() {
        Tensor x = Tensor.ofFloats(Shape.of(6), 2.9f, -2.9f, Float.NaN, 0.0f, -0.0f, 1e10f);
        assertThat(x.cast(DType.INT32).toLongArray()).containsExactly(2L, -2L, 0L, 0L, 0L, 1410065408L);
        assertThat(x.cast(DType.BOOL).toLongArray()).containsExactly(1L, 1L, 1L, 0L, 0L, 1L);
        assertThat(x.cast(DType.FLOAT16).getDouble(0)).isEqualTo(2.900390625); // 2.9 → 1485/512
        assertThat(x.cast(DType.FLOAT32)).isSameAs(x);
        Tensor b = Tensor.ofBooleans(Shape.of(2), true, false);
        assertThat(b.cast(DType.FLOAT32).toDoubleArray()).containsExactly(1.0, 0.0);
        assertThat(b.cast(DType.INT64).dtype()).isEqualTo(DType.INT64);
        Tensor i = Tensor.ofLongs(Shape.of(2), 300, -1);
        assertThat(i.cast(DType.UINT8).toLongArray()).containsExactly(44L, 255L);
        assertThat(i.cast(DType.FLOAT64).toDoubleArray()).containsExactly(300.0, -1.0);
    }

    @Test
    void accessorsAndViews() {
        Tensor t = Tensor.ofDoubles(Shape.of(2, 2), 1.5, -2.5, 3.0, 0.0);
        assertThat(t.rank()).isEqualTo(2);
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.getLong(1)).isEqualTo(-2L);
        assertThat(t.toLongArray()).containsExactly(1L, -2L, 3L, 0L);
        assertThat(t.toFloatArray()).containsExactly(1.5f, -2.5f, 3.0f, 0.0f);
        assertThat(t.getBoolean(3)).isFalse();
        assertThat(t.getBoolean(1)).isTrue();
        Tensor r = t.reshape(Shape.of(4));
        assertThat(r.shape()).isEqualTo(Shape.of(4));
        assertThat(r.toDoubleArray()).containsExactly(1.5, -2.5, 3.0, 0.0);
        assertThatThrownBy(() -> t.reshape(Shape.of(3)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("cannot reshape [2, 2]");
        assertThatThrownBy(t::float32Data).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void factoriesCopyTheirInputExceptWrap() {
        double[] values = {1, 2};
        Tensor copy = Tensor.ofDoubles(Shape.of(2), values);
        values[0] = 9;
        assertThat(copy.getDouble(0)).isEqualTo(1.0);
        copy.toDoubleArray()[1] = 9;
        assertThat(copy.getDouble(1)).isEqualTo(2.0);
        float[] floats = {1, 2};
        Tensor wrapped = Tensor.wrapFloat32(Shape.of(2), floats);
        assertThat(wrapped.float32Data()).isSameAs(floats);
        assertThat(Tensor.ofFloats(Shape.of(2), floats).float32Data()).isNotSameAs(floats);
    }

    @Test
    void fillFactoriesAndScalars() {
        assertThat(Tensor.full(DType.INT8, Shape.of(2), 130).toLongArray()).containsExactly(-126L, -126L);
        assertThat(Tensor.zeros(DType.BOOL, Shape.of(3)).toLongArray()).containsExactly(0L, 0L, 0L);
        Tensor s = Tensor.scalar(DType.FLOAT16, 0.1);
        assertThat(s.shape()).isEqualTo(Shape.scalar());
        assertThat(s.getDouble(0)).isEqualTo(0.0999755859375);
    }

    @Test
    void lengthMustMatchTheShape() {
        assertThatThrownBy(() -> Tensor.ofDoubles(Shape.of(2, 2), 1, 2, 3))
                .isInstanceOf(TensorException.class)
                .hasMessage("shape [2, 2] needs 4 values but got 3");
        assertThatThrownBy(() -> Tensor.fromLongs(DType.INT32, Shape.of(1), new long[0]))
                .isInstanceOf(TensorException.class);
    }

    @Test
    void sameAsComparesDtypeShapeAndBitsWithNanEqual() {
        Tensor a = Tensor.ofDoubles(Shape.of(2), 1.0, Double.NaN);
        assertThat(a.sameAs(Tensor.ofDoubles(Shape.of(2), 1.0, Double.NaN))).isTrue();
        assertThat(a.sameAs(Tensor.ofDoubles(Shape.of(1, 2), 1.0, Double.NaN))).isFalse();
        assertThat(a.sameAs(a.cast(DType.FLOAT32))).isFalse();
        assertThat(Tensor.ofLongs(Shape.of(1), 3).sameAs(Tensor.ofLongs(Shape.of(1), 3))).isTrue();
        assertThat(Tensor.ofLongs(Shape.of(1), 3).sameAs(Tensor.ofLongs(Shape.of(1), 4))).isFalse();
    }

    @Test
    void toStringShowsDtypeShapeAndLeadingValues() {
        assertThat(Tensor.ofLongs(Shape.of(2), 1, 2)).hasToString("int64[2] {1, 2}");
        assertThat(Tensor.zeros(DType.FLOAT32, Shape.of(9)).toString()).endsWith("0.0, ...}");
    }
}
