package dev.crest.graph.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.TestDataSet;
import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleModelsTest {
    /** Surefire runs in the module folder; the example lives at the repository root. */
    private static final Path COMMITTED = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/mlp");

    @Test
    void committedFilesEqualWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
        ExampleModels.writeMlp(dir, ExampleModels.SEED);
        for (String file : new String[] {"model.onnx", "test_data_set_0/input_0.pb"}) {
            assertThat(Files.readAllBytes(COMMITTED.resolve(file)))
                    .as("%s differs from the generator's; regenerate with ExampleModels.main", file)
                    .isEqualTo(Files.readAllBytes(dir.resolve(file)));
        }
        // The expected output comes from the kernels, whose summation order may legitimately change in the last
        // bits; anything beyond that means the committed file is stale.
        Model model = OnnxModels.read(COMMITTED.resolve("model.onnx"));
        Tensor committed = TestDataSet.read(COMMITTED.resolve("test_data_set_0"), model).outputs().get("probabilities");
        Tensor regenerated = TestDataSet.read(dir.resolve("test_data_set_0"), model).outputs().get("probabilities");
        assertThat(new Closeness(1e-7, 1e-6).allClose(regenerated, committed)).as("output_0.pb is stale").isTrue();
    }

    @Test
    void exampleIsASmallSoftmaxClassifier() {
        Model model = ExampleModels.mlp(ExampleModels.SEED);
        assertThat(model.graph().nodes()).extracting(n -> n.opType())
                .containsExactly("MatMul", "Add", "Relu", "Gemm", "Softmax");
        Tensor p = ExampleModels.testData(model, ExampleModels.SEED).outputs().get("probabilities");
        for (int row = 0; row < ExampleModels.BATCH; row++) {
            double sum = 0;
            for (int c = 0; c < ExampleModels.CLASSES; c++) {
                sum += p.getDouble(row * ExampleModels.CLASSES + c);
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(ExampleModels.mlp(7)).isNotEqualTo(model);
        assertThat(ExampleModels.mlp(ExampleModels.SEED)).isEqualTo(model);
    }

    @Test
    void onnxRuntimeAgreesWithTheCommittedOutput() {
        Assumptions.assumeTrue(OrtRunner.unavailableReason().isEmpty(), () -> OrtRunner.unavailableReason().get());
        Model model = OnnxModels.read(COMMITTED.resolve("model.onnx"));
        TestDataSet data = TestDataSet.read(COMMITTED.resolve("test_data_set_0"), model);
        try (OrtRunner ort = OrtRunner.open(COMMITTED.resolve("model.onnx"))) {
            Map<String, Tensor> out = ort.run(data.inputs());
            assertThat(new Closeness(1e-6, 1e-5).allClose(out.get("probabilities"), data.outputs().get("probabilities")))
                    .isTrue();
        }
    }
}
