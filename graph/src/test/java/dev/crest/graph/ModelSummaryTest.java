package dev.crest.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.example.ExampleModels;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
    @Test
    void countsOperatorsAndParameters() {
        TensorType t = TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(2));
        Graph g = Graph.builder().input("x", t).input("w", TensorType.of(DType.FLOAT32, 2))
                .initializer("w", Tensor.ofFloats(Shape.of(2), 1, 2))
                .initializer("idx", Tensor.ofLongs(Shape.of(3), 0, 1, 1))
                .initializer("h", Tensor.zeros(DType.FLOAT16, Shape.of(2, 2)))
                .node(Node.of("Add", List.of("x", "w"), List.of("a")))
                .node(Node.of("Relu", List.of("a"), List.of("b")))
                .node(Node.of("Add", List.of("b", "w"), List.of("y")))
                .node(Node.builder("Fancy").domain("com.example").inputs("y").outputs("z").build())
                .output("z", t).build();
        ModelSummary s = ModelSummary.of(Model.builder(g).opset("com.example", 2).producer("tool", "1.2").build());
        assertThat(s.inputs()).extracting(ValueInfo::name).containsExactly("x");
        assertThat(s.outputs()).extracting(ValueInfo::name).containsExactly("z");
        assertThat(s.operatorCounts()).containsExactly(Map.entry("Add", 2), Map.entry("Relu", 1),
                Map.entry("com.example:Fancy", 1));
        assertThat(s.nodeCount()).isEqualTo(4);
        assertThat(s.initializerCount()).isEqualTo(3);
        assertThat(s.parameterCount()).isEqualTo(2 + 3 + 4);
        assertThat(s.parameterBytes()).isEqualTo(2 * 4 + 3 * 8 + 4 * 2);
        assertThat(s.producer()).isEqualTo("tool 1.2");
        assertThat(s.opsets()).containsEntry("", 20L).containsEntry("com.example", 2L);
        assertThat(s.render()).contains("  x: float32[N, 2]\n", "  Add: 2\n", "parameters:  9 in 3 initializers, 40 bytes\n",
                "opsets:      ai.onnx=20 com.example=2\n");
    }

    @Test
    void summarizesTheExampleMlp() {
        ModelSummary s = ModelSummary.of(ExampleModels.mlp(ExampleModels.SEED));
        int f = ExampleModels.FEATURES;
        int h = ExampleModels.HIDDEN;
        int c = ExampleModels.CLASSES;
        assertThat(s.parameterCount()).isEqualTo((long) f * h + h + (long) h * c + c);
        assertThat(s.parameterBytes()).isEqualTo(4 * s.parameterCount());
        assertThat(s.operatorCounts().keySet()).containsExactly("Add", "Gemm", "MatMul", "Relu", "Softmax");
    }
}
