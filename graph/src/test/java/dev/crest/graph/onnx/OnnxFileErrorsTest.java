package dev.crest.graph.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.crest.graph.GraphException;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxFileErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.onnx");
        assertThatThrownBy(() -> OnnxModels.read(file)).isInstanceOf(GraphException.class)
                .hasMessage("model file " + file + " does not exist");
        assertThatThrownBy(() -> OnnxModels.read(dir)).hasMessage("model file " + dir + " is a folder, not a file");
        assertThatThrownBy(() -> OnnxTensors.read(file)).hasMessage("tensor file " + file + " does not exist");
    }

    @Test
    void truncatedModel() throws Exception {
        byte[] bytes = OnnxModels.toBytes(ModelRoundTripTest.sampleModel());
        Path file = dir.resolve("cut.onnx");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> OnnxModels.read(file)).isInstanceOf(GraphException.class)
                .hasMessageStartingWith(file + ": not a valid ONNX model (truncated or corrupt): ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void nonOnnxFiles() throws Exception {
        Path text = dir.resolve("readme.onnx");
        Files.write(text, "This is plainly not a protobuf file.\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> OnnxModels.read(text)).isInstanceOf(GraphException.class)
                .hasMessageStartingWith(text + ": not ");
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> OnnxModels.read(empty)).hasMessage(empty + ": not an ONNX model: the file is empty");
        // A tensor file is valid protobuf but not a model.
        byte[] tensor = OnnxTensors.toBytes(Tensor.ofFloats(Shape.of(2), 1, 2), "t");
        assertThatThrownBy(() -> OnnxModels.parse(tensor)).isInstanceOf(GraphException.class)
                .hasMessageStartingWith("not ");
        assertThatThrownBy(() -> OnnxTensors.parse(new byte[] {0x0a, 0x7f})).isInstanceOf(GraphException.class)
                .hasMessageStartingWith("not a valid ONNX tensor (truncated or corrupt)");
    }

    @Test
    void unsupportedValueTypes() {
        ModelProto proto = ModelProtoCodec.toProto(ModelRoundTripTest.sampleModel());
        ModelProto.Builder b = proto.toBuilder();
        b.getGraphBuilder().setInput(0, ValueInfoProto.newBuilder().setName("x").setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.STRING_VALUE))));
        assertThatThrownBy(() -> OnnxModels.parse(b.build().toByteArray())).isInstanceOf(GraphException.class)
                .hasMessage("graph input 'x' has data type string (code 8), which Crest does not support");
        b.getGraphBuilder().setInput(0, ValueInfoProto.newBuilder().setName("x").setType(TypeProto.newBuilder()
                .setSequenceType(TypeProto.Sequence.getDefaultInstance())));
        assertThatThrownBy(() -> OnnxModels.parse(b.build().toByteArray()))
                .hasMessage("graph input 'x' is not declared as a tensor (sequences, maps and optionals are not supported)");
    }

    @Test
    void initializerWithBadByteCountNamesTheFile() throws Exception {
        ModelProto.Builder b = ModelProtoCodec.toProto(ModelRoundTripTest.sampleModel()).toBuilder();
        TensorProto w = b.getGraph().getInitializer(0);
        b.getGraphBuilder().setInitializer(0, w.toBuilder().setRawData(w.getRawData().substring(0, 8)));
        Path file = dir.resolve("bad.onnx");
        Files.write(file, b.build().toByteArray());
        assertThatThrownBy(() -> OnnxModels.read(file)).isInstanceOf(GraphException.class)
                .hasMessage(file + ": tensor 'w' has 8 bytes of data but float32[3] needs 12");
    }

    @Test
    void subgraphAttributesAreRefused() {
        ModelProto.Builder b = ModelProtoCodec.toProto(ModelRoundTripTest.sampleModel()).toBuilder();
        b.getGraphBuilder().getNodeBuilder(1).addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder()
                .setName("then_branch").setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.GRAPH)
                .setG(ai.onnx.proto.OnnxMl.GraphProto.getDefaultInstance()));
        assertThatThrownBy(() -> OnnxModels.parse(b.build().toByteArray())).isInstanceOf(GraphException.class)
                .hasMessage("node #1 (Relu) has a subgraph attribute 'then_branch'; control flow is not supported");
    }
}
