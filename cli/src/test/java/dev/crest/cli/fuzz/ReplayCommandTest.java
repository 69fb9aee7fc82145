package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crest fuzz replay} on real findings, run through the isolated worker. */
class ReplayCommandTest {
    @TempDir
    Path root;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run replay(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReplayCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A finding ONNX Runtime really has, in every release since 1.8: it has no float64 Cos kernel, so compiling
     * fails. Opset 13 and IR 7, which old releases read.
     */
    private Path saveCosFinding(String backend) {
        Graph graph = Graph.builder().name("cos")
                .input("x", TensorType.of(DType.FLOAT64, 2))
                .node(Node.builder("Cos").inputs("x").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT64, 2))
                .build();
        Model model = Model.builder(graph).clearOpsets().opset("", 13).irVersion(7).build();
        Map<String, Tensor> inputs = Map.of("x", Tensor.fromDoubles(DType.FLOAT64, Shape.of(2), new double[] {0, 1}));
        Map<String, Tensor> reference = Map.of("y", Tensor.fromDoubles(DType.FLOAT64, Shape.of(2),
                new double[] {1, Math.cos(1)}));
        Finding finding = new Finding(Symptom.EXCEPTION, Stage.COMPILE, backend, "x", Optional.empty(), 0, 0,
                "no float64 Cos", "");
        return new FindingStore(root).save(TestCase.of(model, inputs, reference, 5), finding,
                List.of(TargetRun.of(backend)), Tolerance.DEFAULT, Map.of());
    }

    @Test
    void reportsAFindingThatReproduces() throws Exception {
        Path folder = saveCosFinding(OrtBackend.NO_OPT);

        Run run = replay(folder.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("reproduced").asBoolean()).isTrue();
        assertThat(doc.get("now").get("symptom").asText()).isEqualTo("exception");
        assertThat(doc.get("now").get("stage").asText()).isEqualTo("compile");
        assertThat(doc.get("saved").get("backend").asText()).isEqualTo(OrtBackend.NO_OPT);
    }

    @Test
    void saysWhenAFindingNoLongerReproduces() throws Exception {
        Path folder = saveCosFinding(OrtBackend.NO_OPT);
        // Edit the saved finding to blame the reference interpreter's own backend, which does run float64 Cos.
        Path meta = folder.resolve("meta.json");
        Files.writeString(meta, Files.readString(meta).replace(OrtBackend.NO_OPT, "reference"));

        Run run = replay(folder.toString());

        assertThat(run.exitCode()).isEqualTo(ReplayCommand.NOT_REPRODUCED);
        assertThat(run.out()).contains("did not reproduce", "all backends agree");
    }

    @Test
    void replaysAFindingOnAnotherOnnxRuntimeRelease() {
        Path folder = saveCosFinding(OrtBackend.NO_OPT);

        Run run = replay(folder.toString(), "--backend", "onnxruntime@1.10.0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("reproduced:", "Cos")
                .contains("replayed on onnxruntime 1.10.0 (saved from " + OrtBackend.NO_OPT + " x)");
    }

    @Test
    void onlyAnEngineTheFindingRanOnCanBeMovedToAnotherRelease() {
        Path folder = saveCosFinding(OrtBackend.NO_OPT);
        ReplayCommand command = new ReplayCommand();
        new CommandLine(command).parseArgs(folder.toString(), "--backend", "reference@1.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(command::call).isInstanceOf(FuzzException.class)
                .hasMessageContaining("only the release of onnxruntime can be changed");

        Path other = saveCosFinding("reference");
        ReplayCommand onReference = new ReplayCommand();
        new CommandLine(onReference).parseArgs(other.toString(), "--backend", "onnxruntime@1.10.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(onReference::call).isInstanceOf(FuzzException.class)
                .hasMessageContaining("did not run onnxruntime");
    }

    @Test
    void aCorruptedFolderIsAUserError() {
        Path missing = root.resolve("bug-crash-compile-0");

        ReplayCommand command = new ReplayCommand();
        new CommandLine(command).parseArgs(missing.toString());

        // Main maps FuzzException to one line and exit code 2.
        org.assertj.core.api.Assertions.assertThatThrownBy(command::call)
                .isInstanceOf(FuzzException.class).hasMessageContaining("does not exist");
    }
}
