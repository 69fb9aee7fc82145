package dev.crest.graph.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.ModelProto;
import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRoundTripTest {
    @TempDir
    Path dir;

    static Model sampleModel() {
        Attributes attrs = Attributes.builder()
                .put("i", 7L)
                .put("f", 0.25)
                .put("s", "héllo")
                .put("t", Tensor.ofLongs(Shape.of(2), 3, -4))
                .put("ints", 1L, 2L, -3L)
                .put("floats", 0.5, -1.5)
                .put("strings", "a", "b")
                .put("empty", new long[0])
                .build();
        Graph.Builder g = Graph.builder().name("g")
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("batch"), Dim.of(3), Dim.unknown()))
                .input("m", TensorType.unranked(DType.BOOL))
                .initializer("w", Tensor.ofFloats(Shape.of(3), 1, 2, 3))
                .node(Node.builder("Custom").name("c").domain("com.example").inputs("x", "", "w").outputs("y", "")
                        .attributes(attrs).build())
                .node(Node.builder("Relu").inputs("y").outputs("z").build())
                .output("z", TensorType.of(DType.FLOAT32, Dim.symbolic("batch"), Dim.of(3), Dim.unknown()))
                .valueInfo(dev.crest.graph.ValueInfo.of("y", TensorType.of(DType.FLOAT32, 2, 3, 4)));
        for (DType d : DType.values()) {
            g.initializer("sample_" + d.displayName(), SampleTensors.of(d));
        }
        return Model.builder(g.build()).opset("com.example", 1).producer("test", "1.0").domain("dev.crest")
                .modelVersion(3).docString("a doc").metadata("seed", "42").build();
    }

    @Test
    void modelSurvivesOnnxBytes() {
        Model model = sampleModel();
        Model back = OnnxModels.parse(OnnxModels.toBytes(model));
        assertThat(back).isEqualTo(model);
        assertThat(back.defaultOpset()).isEqualTo(KernelRegistry.OPSET);
        assertThat(back.irVersion()).isEqualTo(Model.IR_VERSION);
        assertThat(back.graph().nodes().get(0).attributes().getString("s", "")).isEqualTo("héllo");
    }

    @Test
    void typedEncodingAlsoRoundTrips() {
        Model model = sampleModel();
        ModelProto proto = ModelProtoCodec.toProto(model, TensorEncoding.TYPED);
        assertThat(proto.getGraph().getInitializer(0).hasRawData()).isFalse();
        assertThat(ModelProtoCodec.fromProto(proto, ExternalData.none())).isEqualTo(model);
    }

    @Test
    void writesAtomicallyAndReadsBack() throws Exception {
        Model model = sampleModel();
        Path file = dir.resolve("sub/model.onnx");
        OnnxModels.write(model, file);
        OnnxModels.write(model, file); // overwriting an existing file also works
        assertThat(OnnxModels.read(file)).isEqualTo(model);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactly("model.onnx");
        }
    }

    @Test
    void writesAttributesWithOnnxTypes() {
        ModelProto proto = ModelProtoCodec.toProto(sampleModel());
        List<AttributeProto> attrs = proto.getGraph().getNode(0).getAttributeList();
        assertThat(attrs).extracting(AttributeProto::getType).containsExactly(AttributeType.INT, AttributeType.FLOAT,
                AttributeType.STRING, AttributeType.TENSOR, AttributeType.INTS, AttributeType.FLOATS,
                AttributeType.STRINGS, AttributeType.INTS);
        assertThat(proto.getOpsetImportList()).extracting(o -> o.getDomain() + "=" + o.getVersion())
                .containsExactly("=20", "com.example=1");
        assertThat(proto.getGraph().getNode(0).getDomain()).isEqualTo("com.example");
    }

    @Test
    void readsAttributesWithoutTypeField() {
        ModelProto proto = ModelProtoCodec.toProto(sampleModel());
        ModelProto.Builder b = proto.toBuilder();
        var node = b.getGraphBuilder().getNodeBuilder(0);
        for (int i = 0; i < node.getAttributeCount(); i++) {
            if (node.getAttribute(i).getType() != AttributeType.INTS || node.getAttribute(i).getIntsCount() > 0) {
                node.setAttribute(i, node.getAttribute(i).toBuilder().clearType());
            }
        }
        Model back = ModelProtoCodec.fromProto(b.build(), ExternalData.none());
        assertThat(back).isEqualTo(sampleModel());
    }

    @Test
    void defaultDomainAliasIsNormalized() {
        Node n = Node.builder("Relu").domain("ai.onnx").inputs("x").outputs("y").build();
        assertThat(n.domain()).isEmpty();
        assertThat(Model.builder(Graph.builder().input("x", TensorType.of(DType.FLOAT32, 1)).node(n)
                .output("y", TensorType.of(DType.FLOAT32, 1)).build()).opset("ai.onnx", 13).build().defaultOpset())
                .isEqualTo(13);
    }
}
