package dev.crest.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxDirectorySourceTest {
    private static Model reshapeModel(String weight) {
        return Model.of(Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, 2, 3))
                .initializer(weight, Tensor.full(DType.FLOAT32, Shape.of(6), 1))
                .initializer("shape", Tensor.ofLongs(Shape.of(1), 6))
                .node(Node.of("Reshape", List.of("x", "shape"), List.of("r")))
                .node(Node.of("Add", List.of("r", weight), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, 6))
                .build());
    }

    @Test
    void readsEachFileOnceInNameOrderWithFloatInitializersSearchable(@TempDir Path directory) throws Exception {
        OnnxModels.write(reshapeModel("b_weight"), directory.resolve("b.onnx"));
        OnnxModels.write(reshapeModel("a_weight"), directory.resolve("a.onnx"));
        Files.writeString(directory.resolve("notes.txt"), "not a model");
        OnnxDirectorySource source = new OnnxDirectorySource(directory);

        Optional<SearchCase> first = source.next(10, 1);
        Optional<SearchCase> second = source.next(10, 2);

        assertThat(first).isPresent();
        assertThat(first.get().origin()).isEqualTo("a.onnx");
        assertThat(first.get().searchable()).containsExactlyInAnyOrder("x", "a_weight");
        assertThat(second.get().origin()).isEqualTo("b.onnx");
        assertThat(second.get().searchable()).containsExactlyInAnyOrder("x", "b_weight");
        assertThat(source.next(10, 3)).isEmpty();
    }

    @Test
    void aSearchableListingBesideTheModelOverridesTheDefault(@TempDir Path directory) throws Exception {
        OnnxModels.write(reshapeModel("w"), directory.resolve("m.onnx"));
        Files.writeString(directory.resolve("m.searchable"), "x\n\n");

        SearchCase c = new OnnxDirectorySource(directory).next(10, 1).orElseThrow();

        assertThat(c.searchable()).containsExactly("x");
    }
}
