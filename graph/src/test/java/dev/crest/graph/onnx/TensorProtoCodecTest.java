package dev.crest.graph.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.crest.graph.GraphException;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TensorProtoCodecTest {

    @ParameterizedTest
    @EnumSource(DType.class)
    void roundTripsEveryDtypeThroughRawAndTypedFields(DType dtype) throws Exception {
        Tensor t = SampleTensors.of(dtype);
        for (TensorEncoding encoding : TensorEncoding.values()) {
            TensorProto proto = TensorProtoCodec.toProto(t, "t", encoding);
            assertThat(proto.hasRawData()).isEqualTo(encoding == TensorEncoding.RAW);
            TensorProto reparsed = TensorProto.parseFrom(proto.toByteArray());
            Tensor back = TensorProtoCodec.fromProto(reparsed);
            assertThat(back.sameAs(t)).as("%s %s: %s", dtype, encoding, back).isTrue();
            assertThat(reparsed.getName()).isEqualTo("t");
            assertThat(reparsed.getDimsList()).containsExactly(2L, 3L);
            assertThat(reparsed.getDataType()).isEqualTo(dtype.onnxCode());
        }
    }

    @Test
    void rawBytesAreLittleEndianInOnnxLayout() {
        assertThat(TensorProtoCodec.toRawBytes(Tensor.ofFloats(Shape.of(1), 1.0f)))
                .containsExactly(0x00, 0x00, 0x80, 0x3f);
        assertThat(TensorProtoCodec.toRawBytes(Tensor.fromDoubles(DType.FLOAT16, Shape.of(2), new double[] {1, -2})))
                .containsExactly(0x00, 0x3c, 0x00, 0xc0);
        assertThat(TensorProtoCodec.toRawBytes(Tensor.ofBooleans(Shape.of(3), true, false, true)))
                .containsExactly(1, 0, 1);
        assertThat(TensorProtoCodec.toRawBytes(Tensor.fromLongs(DType.INT16, Shape.of(1), new long[] {-2})))
                .containsExactly(0xfe, 0xff);
    }

    @Test
    void readsTypedFieldsWrittenByOtherTools() {
        // float16 values are stored as their bits in int32_data: 0x3c00 = 1.0, 0xc000 = -2.0
        TensorProto half = TensorProto.newBuilder().setDataType(10).addDims(2).addInt32Data(0x3c00).addInt32Data(0xc000)
                .build();
        assertThat(TensorProtoCodec.fromProto(half).toDoubleArray()).containsExactly(1.0, -2.0);
        TensorProto bools = TensorProto.newBuilder().setDataType(9).addDims(2).addInt32Data(1).addInt32Data(0).build();
        assertThat(TensorProtoCodec.fromProto(bools).toLongArray()).containsExactly(1, 0);
        TensorProto uint8 = TensorProto.newBuilder().setDataType(2).addDims(1).setRawData(ByteString.copyFrom(
                new byte[] {(byte) 0xff})).build();
        assertThat(TensorProtoCodec.fromProto(uint8).getLong(0)).isEqualTo(255);
        TensorProto scalar = TensorProto.newBuilder().setDataType(7).addInt64Data(42).build();
        Tensor s = TensorProtoCodec.fromProto(scalar);
        assertThat(s.rank()).isZero();
        assertThat(s.getLong(0)).isEqualTo(42);
        TensorProto doubles = TensorProto.newBuilder().setDataType(11).addDims(1).addDoubleData(0.1).build();
        assertThat(TensorProtoCodec.fromProto(doubles).getDouble(0)).isEqualTo(0.1);
    }

    @Test
    void emptyTensorsRoundTrip() {
        Tensor empty = Tensor.zeros(DType.FLOAT32, Shape.of(0, 3));
        for (TensorEncoding encoding : TensorEncoding.values()) {
            assertThat(TensorProtoCodec.fromProto(TensorProtoCodec.toProto(empty, "", encoding)).shape())
                    .isEqualTo(Shape.of(0, 3));
        }
    }

    @Test
    void refusesDataThatDoesNotMatchTheShape() {
        TensorProto raw = TensorProto.newBuilder().setName("w").setDataType(1).addDims(2).addDims(2)
                .setRawData(ByteString.copyFrom(new byte[12])).build();
        assertThatThrownBy(() -> TensorProtoCodec.fromProto(raw)).isInstanceOf(GraphException.class)
                .hasMessage("tensor 'w' has 12 bytes of data but float32[2, 2] needs 16");
        TensorProto typed = TensorProto.newBuilder().setName("w").setDataType(7).addDims(3).addInt64Data(1).build();
        assertThatThrownBy(() -> TensorProtoCodec.fromProto(typed)).isInstanceOf(GraphException.class)
                .hasMessage("tensor 'w' has 1 values in int64_data but int64[3] needs 3");
        TensorProto wrongField = TensorProto.newBuilder().setName("w").setDataType(1).addDims(1).addDoubleData(1).build();
        assertThatThrownBy(() -> TensorProtoCodec.fromProto(wrongField)).hasMessageContaining("0 values in float_data");
    }

    @Test
    void refusesUnsupportedDtypesAndShapes() {
        TensorProto strings = TensorProto.newBuilder().setName("s").setDataType(8).addDims(1)
                .addStringData(ByteString.copyFromUtf8("a")).build();
        assertThatThrownBy(() -> TensorProtoCodec.fromProto(strings)).isInstanceOf(GraphException.class)
                .hasMessage("tensor 's' has data type string (code 8), which Crest does not support");
        TensorProto unknown = TensorProto.newBuilder().setName("u").setDataType(99).build();
        assertThatThrownBy(() -> TensorProtoCodec.fromProto(unknown))
                .hasMessage("tensor 'u' has data type code 99, which Crest does not support");
        TensorProto negative = TensorProto.newBuilder().setName("n").setDataType(1).addDims(-1).build();
        assertThatThrownBy(() -> TensorProtoCodec.fromProto(negative)).isInstanceOf(GraphException.class)
                .hasMessageStartingWith("tensor 'n' has invalid shape [-1]");
    }

    @Test
    void externalDataNeedsAModelFolder() {
        TensorProto external = TensorProto.newBuilder().setName("w").setDataType(1).addDims(1)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder().setKey("location")
                        .setValue("w.bin")).build();
        assertThatThrownBy(() -> TensorProtoCodec.fromProto(external)).isInstanceOf(GraphException.class)
                .hasMessage("tensor 'w' keeps its data in external file 'w.bin', which needs the model to be read from a file");
    }
}
