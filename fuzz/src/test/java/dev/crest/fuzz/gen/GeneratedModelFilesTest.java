package dev.crest.fuzz.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.fuzz.FuzzException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.onnx.OnnxModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedModelFilesTest {
    @TempDir
    Path folder;

    private static GeneratedModel generated() {
        return Generator.generate(GeneratorSettings.defaults(11));
    }

    @Test
    void writesTheModelAndAGirThatDescribesIt() throws IOException {
        GeneratedModel generated = generated();
        Path out = folder.resolve("nested/out");
        List<Path> files = GeneratedModelFiles.write(generated, out, false, false);

        assertThat(files).containsExactly(out.resolve("model.onnx"), out.resolve("gir.json"));
        assertThat(out.resolve("graph.svg")).doesNotExist();
        Model read = OnnxModels.read(out.resolve("model.onnx"));
        assertThat(read.graph()).isEqualTo(generated.model().graph());
        assertThat(read.defaultOpset()).isEqualTo(17);

        JsonNode gir = new ObjectMapper().readTree(out.resolve("gir.json").toFile());
        assertThat(gir.get("format").asText()).isEqualTo(GirJson.FORMAT);
        assertThat(gir.get("seed").asLong()).isEqualTo(11);
        assertThat(gir.get("opset").asInt()).isEqualTo(17);
        assertThat(gir.get("settings").get("nodes").asInt()).isEqualTo(10);
        assertThat(gir.get("nodes")).hasSize(generated.model().graph().nodes().size());
        for (JsonNode node : gir.get("nodes")) {
            Node modelNode = read.graph().nodes().stream().filter(n -> n.name().equals(node.get("name").asText()))
                    .findFirst().orElseThrow();
            assertThat(node.get("opType").asText()).isEqualTo(modelNode.opType());
            List<String> inputs = new ArrayList<>();
            node.get("inputs").forEach(i -> inputs.add(i.asText()));
            assertThat(inputs).isEqualTo(modelNode.inputs());
            assertThat(node.get("insertion").asText()).isIn("forward", "backward");
        }
        assertThat(gir.get("values")).hasSize(generated.values().size());
        for (JsonNode value : gir.get("values")) {
            GeneratedValue expected = generated.values().get(value.get("name").asText());
            List<Integer> shape = new ArrayList<>();
            value.get("shape").forEach(d -> shape.add(d.asInt()));
            assertThat(shape).containsExactlyElementsOf(expected.type().dims().stream().map(d -> d.size()).toList());
            assertThat(value.get("symbolicShape")).hasSize(shape.size());
            if (expected.role() == ValueRole.NODE_OUTPUT) {
                assertThat(value.get("definition")).hasSize(shape.size());
            }
        }
        List<String> outputs = new ArrayList<>();
        gir.get("outputs").forEach(o -> outputs.add(o.asText()));
        assertThat(outputs).isEqualTo(read.graph().outputs().stream().map(v -> v.name()).toList());
    }

    @Test
    void drawsOnRequest() throws IOException {
        GeneratedModel generated = generated();
        List<Path> files = GeneratedModelFiles.write(generated, folder, true, true);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("model.onnx", "gir.json", "graph.svg", "graph.dot");
        assertThat(Files.readString(folder.resolve("graph.svg"))).startsWith("<svg");
        assertThat(Files.readString(folder.resolve("graph.dot"))).startsWith("digraph model {");
    }

    @Test
    void refusesAFileAsOutputFolder() throws IOException {
        Path file = Files.writeString(folder.resolve("taken"), "x");
        assertThatThrownBy(() -> GeneratedModelFiles.write(generated(), file, false, false))
                .isInstanceOf(FuzzException.class).hasMessageContaining("is a file");
        Path below = file.resolve("sub");
        assertThatThrownBy(() -> GeneratedModelFiles.write(generated(), below, false, false))
                .isInstanceOf(FuzzException.class).hasMessageContaining("cannot write");
    }
}
