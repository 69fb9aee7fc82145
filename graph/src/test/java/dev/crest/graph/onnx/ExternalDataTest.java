package dev.crest.graph.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalDataTest {
    @TempDir
    Path dir;

    private static final Tensor W = Tensor.ofFloats(Shape.of(2, 2), 1, -2, 3.5f, 4);

    /** A model with initializer 'w' whose data lives at {@code location} with the given offset and length. */
    private Path writeModel(Path folder, String location, Long offset, Long length) throws Exception {
        Model model = Model.of(Graph.builder().input("x", TensorType.of(DType.FLOAT32, 2, 2))
                .initializer("w", W).node(Node.of("Add", List.of("x", "w"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, 2, 2)).build());
        ModelProto.Builder b = ModelProtoCodec.toProto(model).toBuilder();
        TensorProto.Builder w = b.getGraphBuilder().getInitializerBuilder(0).clearRawData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL).addExternalData(entry("location", location));
        if (offset != null) {
            w.addExternalData(entry("offset", offset.toString()));
        }
        if (length != null) {
            w.addExternalData(entry("length", length.toString()));
        }
        Files.createDirectories(folder);
        Path file = folder.resolve("model.onnx");
        Files.write(file, b.build().toByteArray());
        return file;
    }

    private static StringStringEntryProto entry(String k, String v) {
        return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
    }

    @Test
    void loadsExternalDataRelativeToTheModel() throws Exception {
        Path model = writeModel(dir.resolve("m"), "weights/w.bin", null, null);
        Files.createDirectories(dir.resolve("m/weights"));
        Files.write(dir.resolve("m/weights/w.bin"), TensorProtoCodec.toRawBytes(W));
        assertThat(OnnxModels.read(model).graph().initializers().get("w").sameAs(W)).isTrue();
    }

    @Test
    void honoursOffsetAndLength() throws Exception {
        byte[] raw = TensorProtoCodec.toRawBytes(W);
        byte[] padded = new byte[raw.length + 10];
        System.arraycopy(raw, 0, padded, 7, raw.length);
        Path model = writeModel(dir, "data.bin", 7L, (long) raw.length);
        Files.write(dir.resolve("data.bin"), padded);
        assertThat(OnnxModels.read(model).graph().initializers().get("w").sameAs(W)).isTrue();
    }

    @Test
    void lengthThatDoesNotFitTheShapeIsRefused() throws Exception {
        Path model = writeModel(dir, "data.bin", 0L, 8L);
        Files.write(dir.resolve("data.bin"), new byte[64]);
        assertThatThrownBy(() -> OnnxModels.read(model)).isInstanceOf(GraphException.class)
                .hasMessage(model + ": tensor 'w' has 8 bytes of data but float32[2, 2] needs 16");
        Path short1 = writeModel(dir.resolve("s"), "data.bin", 60L, 16L);
        Files.write(dir.resolve("s/data.bin"), new byte[64]);
        assertThatThrownBy(() -> OnnxModels.read(short1))
                .hasMessageContaining("external data 'data.bin' has 64 bytes, fewer than offset 60 + length 16");
    }

    @Test
    void missingExternalFile() throws Exception {
        Path model = writeModel(dir, "gone.bin", null, null);
        assertThatThrownBy(() -> OnnxModels.read(model)).isInstanceOf(GraphException.class)
                .hasMessageContaining("external data file 'gone.bin' does not exist in");
    }

    @Test
    void refusesPathTraversal() throws Exception {
        Files.write(dir.resolve("secret.bin"), TensorProtoCodec.toRawBytes(W));
        Path model = writeModel(dir.resolve("m"), "../secret.bin", null, null);
        assertThatThrownBy(() -> OnnxModels.read(model)).isInstanceOf(GraphException.class)
                .hasMessage(model + ": tensor 'w': refusing external data location '../secret.bin', which leads outside the model's folder");
        Path sneaky = writeModel(dir.resolve("n"), "sub/../../secret.bin", null, null);
        Files.createDirectories(dir.resolve("n/sub"));
        assertThatThrownBy(() -> OnnxModels.read(sneaky)).hasMessageContaining("leads outside the model's folder");
    }

    @Test
    void refusesAbsoluteLocations() throws Exception {
        Path secret = dir.resolve("secret.bin");
        Files.write(secret, TensorProtoCodec.toRawBytes(W));
        Path model = writeModel(dir.resolve("m"), secret.toString(), null, null);
        assertThatThrownBy(() -> OnnxModels.read(model)).isInstanceOf(GraphException.class)
                .hasMessageContaining("refusing absolute external data location '" + secret + "'");
    }

    @Test
    void refusesSymlinksLeadingOutside() throws Exception {
        Files.write(dir.resolve("secret.bin"), TensorProtoCodec.toRawBytes(W));
        Path model = writeModel(dir.resolve("m"), "link.bin", null, null);
        Files.createSymbolicLink(dir.resolve("m/link.bin"), dir.resolve("secret.bin"));
        assertThatThrownBy(() -> OnnxModels.read(model)).isInstanceOf(GraphException.class)
                .hasMessageContaining("refusing external data location 'link.bin', which links outside the model's folder");
        // A link to a folder outside, then a file inside it, is refused the same way.
        Path model2 = writeModel(dir.resolve("k"), "out/secret.bin", null, null);
        Files.createSymbolicLink(dir.resolve("k/out"), dir);
        assertThatThrownBy(() -> OnnxModels.read(model2)).hasMessageContaining("links outside the model's folder");
    }

    @Test
    void symlinksInsideTheFolderAreFine() throws Exception {
        Path model = writeModel(dir.resolve("m"), "link.bin", null, null);
        Files.write(dir.resolve("m/real.bin"), TensorProtoCodec.toRawBytes(W));
        Files.createSymbolicLink(dir.resolve("m/link.bin"), dir.resolve("m/real.bin"));
        assertThat(OnnxModels.read(model).graph().initializers().get("w").sameAs(W)).isTrue();
    }
}
