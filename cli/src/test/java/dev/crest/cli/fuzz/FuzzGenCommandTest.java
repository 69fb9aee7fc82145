package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.cli.CliRunner;
import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzGenCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheModelItsRecordAndDrawings() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result result = CliRunner.run("fuzz", "gen", "--nodes", "6", "--seed", "7", "-o", out.toString(),
                "--svg", "--dot");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("generated 6 nodes", "seed 7", "model.onnx", "gir.json", "graph.svg");
        Model model = OnnxModels.read(out.resolve("model.onnx"));
        assertThat(model.graph().nodes()).hasSize(6);
        assertThat(out.resolve("gir.json")).exists();
        assertThat(Files.readString(out.resolve("graph.svg"))).startsWith("<svg");
        assertThat(Files.readString(out.resolve("graph.dot"))).startsWith("digraph");

        Path again = tmp.resolve("again");
        assertThat(CliRunner.run("fuzz", "gen", "--nodes", "6", "--seed", "7", "-o", again.toString()).exitCode())
                .isZero();
        assertThat(Files.readAllBytes(again.resolve("model.onnx"))).isEqualTo(Files.readAllBytes(out.resolve("model.onnx")));
        assertThat(again.resolve("graph.svg")).doesNotExist();
    }

    @Test
    void printsOneJsonDocumentAndHonoursTheOperatorList() throws IOException {
        Path out = tmp.resolve("json");
        CliRunner.Result result = CliRunner.run("fuzz", "gen", "--seed", "3", "--ops", "Relu", "--opset", "18",
                "--json", "-o", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(result.out());
        assertThat(doc.get("seed").asLong()).isEqualTo(3);
        assertThat(doc.get("opset").asInt()).isEqualTo(18);
        assertThat(doc.get("nodes").asInt()).isEqualTo(10);
        assertThat(doc.get("operators").get("Relu").asInt()).isEqualTo(10);
        assertThat(doc.get("operators")).hasSize(1);
        assertThat(doc.get("files")).hasSize(2);
        assertThat(OnnxModels.read(out.resolve("model.onnx")).defaultOpset()).isEqualTo(18);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        String[][] bad = {
            {"fuzz", "gen", "--ops", "Relu,Nope", "-o", tmp.resolve("a").toString()},
            {"fuzz", "gen", "--nodes", "0", "-o", tmp.resolve("b").toString()},
            {"fuzz", "gen", "--opset", "6", "-o", tmp.resolve("c").toString()},
            {"fuzz", "gen", "--nodes", "2", "-o", file.toString()},
            {"fuzz", "gen", "--nodes", "2", "-o", file.resolve("below").toString()},
        };
        for (String[] args : bad) {
            CliRunner.Result result = CliRunner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err().strip()).as(String.join(" ", args)).startsWith("crest: error: ").doesNotContain("\n");
        }
        assertThat(CliRunner.run(bad[0]).err()).contains("unknown operator 'Nope'");
    }
}
