package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.cli.CliRunner;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crest fuzz reduce} end to end on a real ONNX Runtime finding, run through the isolated worker. */
class FuzzReduceCommandTest {
    private static final List<TargetRun> RUNS = List.of(TargetRun.of(OrtBackend.NO_OPT));

    @TempDir
    Path root;

    /**
     * A six-node float64 model with a Cos in the middle: ONNX Runtime has no float64 Cos kernel, so compiling it
     * fails, a finding the campaign saves as it would any other.
     */
    private Path saveCosFinding() {
        Graph graph = Graph.builder().name("cos-chain")
                .input("x", TensorType.of(DType.FLOAT64, 2, 3))
                .node(Node.builder("Abs").name("abs").inputs("x").outputs("a").build())
                .node(Node.builder("Neg").name("neg").inputs("a").outputs("b").build())
                .node(Node.builder("Cos").name("cos").inputs("b").outputs("c").build())
                .node(Node.builder("Exp").name("exp").inputs("c").outputs("d").build())
                .node(Node.builder("Add").name("add").inputs("d", "x").outputs("e").build())
                .node(Node.builder("Mul").name("mul").inputs("e", "e").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT64, 2, 3))
                .build();
        Map<String, Tensor> inputs = Map.of("x", Tensor.fromDoubles(DType.FLOAT64, Shape.of(2, 3),
                new double[] {-1, -0.5, 0, 0.5, 1, 1.5}));
        try (InProcessExecutor executor = new InProcessExecutor(BackendRegistry.standard())) {
            TestResult result = new DifferentialTester(executor, RUNS, Tolerance.DEFAULT)
                    .test(TestCase.of(Model.of(graph), inputs, 3));
            Finding finding = result.verdict().finding().orElseThrow();
            assertThat(finding.symptom()).isEqualTo(Symptom.EXCEPTION);
            assertThat(finding.message()).contains("Cos");
            return new FindingStore(root).save(result.testCase(), finding, RUNS, Tolerance.DEFAULT, Map.of());
        }
    }

    @Test
    void reducesARealFindingToItsCosNodeAndTheReducedFolderReplays() throws IOException {
        Path folder = saveCosFinding();

        CliRunner.Result run = CliRunner.run("fuzz", "reduce", folder.toString(), "--budget", "5m");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("reduced 6 → 1 node (Cos) in ")
                .contains(" attempts; wrote " + folder.resolve("reduced") + "/");
        assertThat(folder.resolve("reduced/model.onnx")).exists();
        assertThat(folder.resolve("reduced/test_data_set_0/input_0.pb")).exists();
        JsonNode record = new ObjectMapper().readTree(folder.resolve("reduced/reduction.json").toFile());
        assertThat(record.get("nodesBefore").asInt()).isEqualTo(6);
        assertThat(record.get("nodesAfter").asInt()).isEqualTo(1);

        CliRunner.Result replay = CliRunner.run("fuzz", "replay", folder.resolve("reduced").toString());

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).startsWith("reproduced");
    }

    @Test
    void printsJson() throws IOException {
        Path folder = saveCosFinding();

        CliRunner.Result run = CliRunner.run("fuzz", "reduce", folder.toString(), "--json", "--timeout", "30s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("reproduced").asBoolean()).isTrue();
        assertThat(doc.get("nodesBefore").asInt()).isEqualTo(6);
        assertThat(doc.get("operators").toString()).isEqualTo("[\"Cos\"]");
        assertThat(doc.get("symptom").asText()).isEqualTo("exception");
        assertThat(doc.get("written").asText()).isEqualTo(folder.resolve("reduced").toString());
        assertThat(doc.get("attempts").asInt()).isPositive();
    }

    @Test
    void aFolderThatIsNotAFindingIsOneLineAndExitCodeTwo() throws IOException {
        Path empty = Files.createDirectories(root.resolve("not-a-finding"));

        for (String folder : List.of(empty.toString(), root.resolve("missing").toString())) {
            CliRunner.Result run = CliRunner.run("fuzz", "reduce", folder);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").contains(folder);
        }
    }

    @Test
    void aBadBudgetIsOneLineAndExitCodeTwo() {
        for (String budget : List.of("soon", "0s", "-5s")) {
            CliRunner.Result run = CliRunner.run("fuzz", "reduce", root.toString(), "--budget", budget);

            assertThat(run.exitCode()).as(budget).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").contains("--budget");
        }
    }
}
