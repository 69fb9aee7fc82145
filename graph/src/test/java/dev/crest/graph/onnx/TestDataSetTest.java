package dev.crest.graph.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataSetTest {
    @TempDir
    Path dir;

    private static final TensorType T = TensorType.of(DType.FLOAT32, 2);
    private static final Model MODEL = Model.of(Graph.builder().input("b", T).input("a", T).input("w", T)
            .initializer("w", Tensor.ofFloats(Shape.of(2), 0, 0))
            .node(Node.of("Add", List.of("a", "b"), List.of("s"))).node(Node.of("Sub", List.of("a", "b"), List.of("d")))
            .output("s", T).output("d", T).build());

    private static final Tensor A = Tensor.ofFloats(Shape.of(2), 1, 2);
    private static final Tensor B = Tensor.ofFloats(Shape.of(2), 10, 20);

    @Test
    void writesFilesInModelOrderAndReadsThemBack() {
        TestDataSet data = new TestDataSet(Map.of("a", A, "b", B),
                Map.of("s", Tensor.ofFloats(Shape.of(2), 11, 22), "d", Tensor.ofFloats(Shape.of(2), -9, -18)));
        Path folder = dir.resolve("test_data_set_0");
        data.write(folder, MODEL);
        // input_0 is 'b', the first declared input; 'w' has a default and gets no file.
        assertThat(OnnxTensors.read(folder.resolve("input_0.pb")).name()).isEqualTo("b");
        assertThat(OnnxTensors.read(folder.resolve("input_1.pb")).tensor().sameAs(A)).isTrue();
        assertThat(Files.exists(folder.resolve("input_2.pb"))).isFalse();
        assertThat(OnnxTensors.read(folder.resolve("output_1.pb")).name()).isEqualTo("d");
        TestDataSet back = TestDataSet.read(folder, MODEL);
        assertThat(back.inputs().keySet()).containsExactly("b", "a");
        assertThat(back.outputs().keySet()).containsExactly("s", "d");
        assertThat(back.inputs().get("a").sameAs(A)).isTrue();
        assertThat(back.outputs().get("d").sameAs(data.outputs().get("d"))).isTrue();
    }

    @Test
    void unnamedFilesFollowPositionAndOutputsAreOptional() {
        Path folder = dir.resolve("set");
        OnnxTensors.write(B, "", folder.resolve("input_0.pb"));
        OnnxTensors.write(A, "", folder.resolve("input_1.pb"));
        TestDataSet back = TestDataSet.read(folder, MODEL);
        assertThat(back.inputs().get("b").sameAs(B)).isTrue();
        assertThat(back.outputs()).isEmpty();
    }

    @Test
    void wrongFileCountIsReported() {
        Path folder = dir.resolve("set");
        OnnxTensors.write(A, "a", folder.resolve("input_0.pb"));
        assertThatThrownBy(() -> TestDataSet.read(folder, MODEL)).isInstanceOf(GraphException.class)
                .hasMessage("test data folder " + folder + " has 1 input file(s) but the model has 2 input(s): [b, a]");
        assertThatThrownBy(() -> TestDataSet.read(dir.resolve("none"), MODEL))
                .hasMessage("test data folder " + dir.resolve("none") + " does not exist");
    }
}
