package dev.crest.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DTypeTest {
    @Test
    void onnxCodesAreTheTensorProtoDataTypeValues() {
        // TensorProto.DataType: FLOAT=1 UINT8=2 INT8=3 INT16=5 INT32=6 INT64=7 BOOL=9 FLOAT16=10 DOUBLE=11.
        assertThat(DType.FLOAT32.onnxCode()).isEqualTo(1);
        assertThat(DType.UINT8.onnxCode()).isEqualTo(2);
        assertThat(DType.INT8.onnxCode()).isEqualTo(3);
        assertThat(DType.INT16.onnxCode()).isEqualTo(5);
        assertThat(DType.INT32.onnxCode()).isEqualTo(6);
        assertThat(DType.INT64.onnxCode()).isEqualTo(7);
        assertThat(DType.BOOL.onnxCode()).isEqualTo(9);
        assertThat(DType.FLOAT16.onnxCode()).isEqualTo(10);
        assertThat(DType.FLOAT64.onnxCode()).isEqualTo(11);
        for (DType type : DType.values()) {
            assertThat(DType.fromOnnxCode(type.onnxCode())).isSameAs(type);
        }
    }

    @Test
    void unsupportedCodesAndNamesAreUserErrors() {
        assertThatThrownBy(() -> DType.fromOnnxCode(8)) // STRING
                .isInstanceOf(TensorException.class)
                .hasMessage("unsupported ONNX data type code 8");
        assertThatThrownBy(() -> DType.parse("complex64"))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("complex64");
    }

    @Test
    void parsesCommonNames() {
        assertThat(DType.parse("float")).isEqualTo(DType.FLOAT32);
        assertThat(DType.parse(" Float32 ")).isEqualTo(DType.FLOAT32);
        assertThat(DType.parse("double")).isEqualTo(DType.FLOAT64);
        assertThat(DType.parse("half")).isEqualTo(DType.FLOAT16);
        assertThat(DType.parse("INT64")).isEqualTo(DType.INT64);
        assertThat(DType.parse("boolean")).isEqualTo(DType.BOOL);
        for (DType type : DType.values()) {
            assertThat(DType.parse(type.displayName())).isSameAs(type);
        }
    }

    @Test
    void categoriesAndSizes() {
        assertThat(DType.FLOAT16.isFloat()).isTrue();
        assertThat(DType.UINT8.isInteger()).isTrue();
        assertThat(DType.UINT8.isSigned()).isFalse();
        assertThat(DType.INT8.isSigned()).isTrue();
        assertThat(DType.FLOAT32.isSigned()).isTrue();
        assertThat(DType.BOOL.isBool()).isTrue();
        assertThat(DType.BOOL.isInteger()).isFalse();
        assertThat(DType.BOOL.isSigned()).isFalse();
        assertThat(DType.FLOAT16.byteSize()).isEqualTo(2);
        assertThat(DType.INT64.byteSize()).isEqualTo(8);
        assertThat(DType.BOOL.byteSize()).isEqualTo(1);
    }

    @Test
    void floatToIntegerTruncatesTowardZeroThenWraps() {
        assertThat(DType.INT32.castFromDouble(2.9)).isEqualTo(2.0);
        assertThat(DType.INT32.castFromDouble(-2.9)).isEqualTo(-2.0);
        assertThat(DType.INT64.castFromDouble(-0.5)).isEqualTo(0.0);
        assertThat(DType.INT8.castFromDouble(300.7)).isEqualTo(44.0); // 300 − 256
        assertThat(DType.INT8.castFromDouble(-129.0)).isEqualTo(127.0);
        assertThat(DType.UINT8.castFromDouble(-1.5)).isEqualTo(255.0); // −1 wraps to 255
        assertThat(DType.UINT8.castFromDouble(256.0)).isEqualTo(0.0);
        assertThat(DType.INT16.castFromDouble(40000.0)).isEqualTo(-25536.0); // 40000 − 65536
        assertThat(DType.INT32.castFromDouble(1e10)).isEqualTo(1410065408.0); // 10^10 − 2·2^32
    }

    @Test
    void nanToIntegerIsZeroAndInt64Saturates() {
        for (DType type : new DType[] {DType.INT8, DType.INT16, DType.INT32, DType.INT64, DType.UINT8}) {
            assertThat(type.castFromDouble(Double.NaN)).as(type.displayName()).isEqualTo(0.0);
        }
        assertThat(DType.INT64.castFromDouble(1e19)).isEqualTo((double) Long.MAX_VALUE);
        assertThat(DType.INT64.castFromDouble(Double.NEGATIVE_INFINITY)).isEqualTo((double) Long.MIN_VALUE);
    }

    @Test
    void toBoolIsNonZeroAndNanIsTrue() {
        assertThat(DType.BOOL.castFromDouble(0.0)).isEqualTo(0.0);
        assertThat(DType.BOOL.castFromDouble(-0.0)).isEqualTo(0.0);
        assertThat(DType.BOOL.castFromDouble(0.1)).isEqualTo(1.0);
        assertThat(DType.BOOL.castFromDouble(-7.0)).isEqualTo(1.0);
        assertThat(DType.BOOL.castFromDouble(Double.NaN)).isEqualTo(1.0);
        assertThat(DType.BOOL.castFromDouble(Double.NEGATIVE_INFINITY)).isEqualTo(1.0);
    }

    @Test
    void floatsRoundOnceToTheirPrecision() {
        assertThat(DType.FLOAT64.castFromDouble(0.1)).isEqualTo(0.1);
        assertThat(DType.FLOAT32.castFromDouble(0.1)).isEqualTo((double) 0.1f);
        assertThat(DType.FLOAT16.castFromDouble(0.1)).isEqualTo(0.0999755859375);
        assertThat(DType.FLOAT32.castFromDouble(1e39)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DType.FLOAT32.castFromDouble(Double.NaN)).isNaN();
        assertThat(DType.FLOAT16.roundFloat(2049.0)).isEqualTo(2048.0); // tie between 2048 and 2050 → even
        assertThatThrownBy(() -> DType.INT32.roundFloat(1.0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrapIntegerIsTwosComplementAndBoolIsNonZero() {
        assertThat(DType.INT8.wrapInteger(128)).isEqualTo(-128);
        assertThat(DType.INT8.wrapInteger(-129)).isEqualTo(127);
        assertThat(DType.UINT8.wrapInteger(-1)).isEqualTo(255);
        assertThat(DType.UINT8.wrapInteger(511)).isEqualTo(255);
        assertThat(DType.INT16.wrapInteger(32768)).isEqualTo(-32768);
        assertThat(DType.INT32.wrapInteger(1L << 31)).isEqualTo(Integer.MIN_VALUE);
        assertThat(DType.INT64.wrapInteger(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(DType.BOOL.wrapInteger(-5)).isEqualTo(1);
        assertThat(DType.BOOL.wrapInteger(0)).isEqualTo(0);
        assertThatThrownBy(() -> DType.FLOAT32.wrapInteger(1)).isInstanceOf(IllegalStateException.class);
    }
}
