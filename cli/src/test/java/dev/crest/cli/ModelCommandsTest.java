package dev.crest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.ModelSummary;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.OnnxTensors;
import dev.crest.graph.onnx.TestDataSet;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end checks of {@code crest model info} and {@code crest model run} on the shipped example and on bad input. */
class ModelCommandsTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "mlp");
    private static final Path MODEL = EXAMPLE.resolve("model.onnx");
    private static final Path DATA = EXAMPLE.resolve("test_data_set_0");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void infoJsonAgreesWithTheModel() throws IOException {
        CliRunner.Result r = CliRunner.run("model", "info", MODEL.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        ModelSummary summary = ModelSummary.of(OnnxModels.read(MODEL));
        assertThat(doc.get("parameters").asLong()).isEqualTo(summary.parameterCount()).isPositive();
        assertThat(doc.get("parameterBytes").asLong()).isEqualTo(summary.parameterBytes());
        assertThat(doc.get("nodes").asInt()).isEqualTo(summary.nodeCount());
        summary.operatorCounts().forEach((op, n) -> assertThat(doc.get("operators").get(op).asInt()).isEqualTo(n));
        assertThat(doc.get("inputs").get(0).get("name").asText()).isEqualTo(summary.inputs().get(0).name());
    }

    @Test
    void infoTextListsOperators() {
        CliRunner.Result r = CliRunner.run("model", "info", MODEL.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("operators").contains("Gemm").contains("parameters:");
    }

    @Test
    void runOnBothEnginesMatchesTheExpectedOutputs() throws IOException {
        for (String engine : new String[] {"reference", "onnxruntime"}) {
            CliRunner.Result r = CliRunner.run("model", "run", MODEL.toString(), "--inputs", DATA.toString(),
                    "--engine", engine, "--json");
            assertThat(r.exitCode()).as(engine + ": " + r.err()).isZero();
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("engine").asText()).isEqualTo(engine);
            assertThat(doc.get("matchesExpected").asBoolean()).isTrue();
            assertThat(doc.get("outputs").get(0).get("expected").get("matches").asBoolean()).isTrue();
        }
    }

    @Test
    void runWritesOutputsThatReadBackAsTheReferenceResult() {
        Path out = tmp.resolve("results");
        CliRunner.Result r = CliRunner.run("model", "run", MODEL.toString(), "--inputs", DATA.toString(), "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("all outputs match");
        Model model = OnnxModels.read(MODEL);
        TestDataSet data = TestDataSet.read(DATA, model);
        Tensor expected = Interpreter.standard().run(model, data.inputs()).values().iterator().next();
        Tensor written = OnnxTensors.read(out.resolve("output_0.pb")).tensor();
        assertThat(written.sameAs(expected)).isTrue();
        assertThat(tmp.toFile().list()).containsExactly("results"); // no staging folder left behind
    }

    @Test
    void aDifferingExpectedOutputExitsWithOne() throws IOException {
        Model model = OnnxModels.read(MODEL);
        TestDataSet data = TestDataSet.read(DATA, model);
        Tensor right = data.outputs().values().iterator().next();
        double[] shifted = right.toDoubleArray();
        shifted[0] += 0.5;
        Path folder = tmp.resolve("data");
        Files.createDirectories(folder);
        String outName = model.graph().outputs().get(0).name();
        new TestDataSet(data.inputs(), Map.of(outName, Tensor.fromDoubles(right.dtype(), right.shape(), shifted)))
                .write(folder, model);
        CliRunner.Result r = CliRunner.run("model", "run", MODEL.toString(), "--inputs", folder.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("DIFFERS from expected output: element 0");
        assertThat(new Closeness(1e-5, 1e-4).allClose(right, right)).isTrue();
    }

    @Test
    void aFileThatIsNotOnnxIsRefusedOnOneLine() throws IOException {
        Path bogus = tmp.resolve("bogus.onnx");
        Files.writeString(bogus, "this is not a protobuf model at all, just text\n");
        assertUserError(CliRunner.run("model", "info", bogus.toString()));
    }

    @Test
    void aTruncatedModelIsRefusedOnOneLine() throws IOException {
        byte[] bytes = Files.readAllBytes(MODEL);
        Path truncated = tmp.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertUserError(CliRunner.run("model", "run", truncated.toString(), "--inputs", DATA.toString()));
    }

    @Test
    void aMissingModelIsRefusedOnOneLine() {
        assertUserError(CliRunner.run("model", "info", tmp.resolve("absent.onnx").toString()));
    }

    @Test
    void anUnknownEngineIsRefused() {
        CliRunner.Result r = CliRunner.run("model", "run", MODEL.toString(), "--inputs", DATA.toString(), "--engine",
                "tvm");
        assertUserError(r);
        assertThat(r.err()).contains("tvm");
    }

    @Test
    void anInputOfTheWrongDtypeIsRefused() {
        Model model = OnnxModels.read(MODEL);
        Path folder = tmp.resolve("wrong");
        Tensor input = TestDataSet.read(DATA, model).inputs().values().iterator().next();
        new TestDataSet(Map.of(model.graph().requiredInputs().get(0).name(), input.cast(DType.INT64)),
                Map.of()).write(folder, model);
        assertUserError(CliRunner.run("model", "run", MODEL.toString(), "--inputs", folder.toString()));
    }

    @Test
    void aMissingInputsFolderIsRefused() {
        CliRunner.Result r = CliRunner.run("model", "run", MODEL.toString());
        assertUserError(r);
        assertThat(r.err()).contains("--inputs");
    }

    @Test
    void anUnknownOperatorIsRefused() {
        Graph graph = Graph.builder().name("odd")
                .input("x", TensorType.of(DType.FLOAT32, 2))
                .node(Node.builder("FrobnicateTensor").name("n").inputs("x").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 2))
                .build();
        Path file = tmp.resolve("odd.onnx");
        Model model = Model.of(graph);
        OnnxModels.write(model, file);
        Path folder = tmp.resolve("odd_data");
        new TestDataSet(Map.of("x", Tensor.ofFloats(Shape.of(2), 1f, 2f)), Map.of())
                .write(folder, model);
        CliRunner.Result r = CliRunner.run("model", "run", file.toString(), "--inputs", folder.toString());
        assertUserError(r);
        assertThat(r.err()).contains("FrobnicateTensor");
    }

    private static void assertUserError(CliRunner.Result r) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(Main.USER_ERROR);
        assertThat(r.err()).startsWith("crest: error: ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("\tat ");
    }
}
