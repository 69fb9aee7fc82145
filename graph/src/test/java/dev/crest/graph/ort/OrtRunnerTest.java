package dev.crest.graph.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.SampleTensors;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrtRunnerTest {
    @BeforeAll
    static void requireOrt() {
        Assumptions.assumeTrue(OrtRunner.unavailableReason().isEmpty(), () -> OrtRunner.unavailableReason().get());
    }

    private static Model identity(DType dtype, Shape shape) {
        TensorType t = TensorType.of(dtype, shape);
        return Model.of(Graph.builder().input("x", t).node(Node.of("Identity", List.of("x"), List.of("y")))
                .output("y", t).build());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyDtypeCrossesTheBoundaryUnchanged(DType dtype) {
        Tensor x = SampleTensors.of(dtype);
        try (OrtRunner ort = OrtRunner.open(identity(dtype, x.shape()))) {
            Tensor y = ort.run(Map.of("x", x)).get("y");
            assertThat(y.sameAs(x)).as("%s came back as %s", x, y).isTrue();
        }
    }

    @Test
    void scalarsAndEmptyTensors() {
        Tensor scalar = Tensor.scalar(DType.INT64, 42);
        try (OrtRunner ort = OrtRunner.open(identity(DType.INT64, Shape.scalar()))) {
            assertThat(ort.run(Map.of("x", scalar)).get("y").sameAs(scalar)).isTrue();
        }
        Tensor empty = Tensor.zeros(DType.FLOAT32, Shape.of(0, 4));
        try (OrtRunner ort = OrtRunner.open(identity(DType.FLOAT32, empty.shape()))) {
            assertThat(ort.run(Map.of("x", empty)).get("y").shape()).isEqualTo(Shape.of(0, 4));
        }
    }

    @Test
    void namesAndOrderOfInputsAndOutputs() {
        TensorType t = TensorType.of(DType.FLOAT32, 2);
        Model m = Model.of(Graph.builder().input("b", t).input("a", t)
                .node(Node.of("Sub", List.of("a", "b"), List.of("d"))).node(Node.of("Add", List.of("a", "b"), List.of("s")))
                .output("s", t).output("d", t).build());
        try (OrtRunner ort = OrtRunner.open(m)) {
            assertThat(ort.inputNames()).containsExactly("b", "a");
            Map<String, Tensor> out = ort.run(Map.of("a", Tensor.ofFloats(Shape.of(2), 5, 7),
                    "b", Tensor.ofFloats(Shape.of(2), 1, 2)));
            assertThat(out.keySet()).containsExactly("s", "d");
            assertThat(out.get("s").toDoubleArray()).containsExactly(6, 9);
            assertThat(out.get("d").toDoubleArray()).containsExactly(4, 5);
        }
    }

    @Test
    void runsModelFiles(@TempDir Path dir) {
        Path file = dir.resolve("m.onnx");
        OnnxModels.write(identity(DType.FLOAT32, Shape.of(1)), file);
        try (OrtRunner ort = OrtRunner.open(file)) {
            assertThat(ort.run(Map.of("x", Tensor.ofFloats(Shape.of(1), 3))).get("y").getDouble(0)).isEqualTo(3);
        }
        assertThatThrownBy(() -> OrtRunner.open(dir.resolve("none.onnx"))).isInstanceOf(GraphException.class)
                .hasMessage("model file " + dir.resolve("none.onnx") + " does not exist");
    }

    @Test
    void errorsBecomeOneLineGraphExceptions() {
        assertThatThrownBy(() -> OrtRunner.open(new byte[] {1, 2, 3})).isInstanceOf(GraphException.class)
                .hasMessageStartingWith("ONNX Runtime cannot load the model: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (OrtRunner ort = OrtRunner.open(identity(DType.FLOAT32, Shape.of(2)))) {
            assertThatThrownBy(() -> ort.run(Map.of("x", Tensor.ofLongs(Shape.of(2), 1, 2))))
                    .isInstanceOf(GraphException.class).hasMessageStartingWith("ONNX Runtime failed: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        TensorType t = TensorType.of(DType.FLOAT32, 2);
        Model badAttr = Model.of(Graph.builder().input("x", t).node(Node.builder("Softmax").inputs("x").outputs("y")
                .attributes(Attributes.builder().put("axis", 5L).build()).build()).output("y", t).build());
        assertThatThrownBy(() -> {
            try (OrtRunner ort = OrtRunner.open(badAttr)) {
                ort.run(Map.of("x", Tensor.ofFloats(Shape.of(2), 1, 2)));
            }
        }).isInstanceOf(GraphException.class).hasMessageStartingWith("ONNX Runtime");
    }
}
