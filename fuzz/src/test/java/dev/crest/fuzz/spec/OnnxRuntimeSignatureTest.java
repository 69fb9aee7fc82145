package dev.crest.fuzz.spec;

import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the dtype tables against ONNX Runtime: every signature a spec lists loads and runs at opset 17 (the
 * generator's default), and ONNX Runtime's output shapes are the ones the spec promises.
 */
class OnnxRuntimeSignatureTest {
    private static final int OPSET = 17;

    @BeforeAll
    static void requireOnnxRuntime() {
        Assumptions.assumeTrue(OrtRunner.unavailableReason().isEmpty(),
                () -> "ONNX Runtime cannot load: " + OrtRunner.unavailableReason().orElse(""));
    }

    static Stream<String> operators() {
        return OpSpecs.standard().all().stream().filter(spec -> spec.sinceOpset() <= OPSET).map(OpSpec::opType);
    }

    @ParameterizedTest
    @MethodSource("operators")
    void everyListedSignatureRunsWithThePromisedShapes(String opType) {
        OpSpec spec = OpSpecs.standard().get(opType);
        SplittableRandom random = new SplittableRandom(opType.hashCode());
        for (int count : spec.inputCounts()) {
            for (Signature signature : spec.signatures(count)) {
                SpecTrial.Prepared trial = SpecTrial.prepare(spec, random.split(), OPSET, signature);
                List<Shape> shapes = new ArrayList<>();
                try (OrtRunner ort = OrtRunner.open(trial.model())) {
                    Map<String, Tensor> outputs = ort.run(trial.feeds());
                    outputs.values().forEach(t -> shapes.add(t.shape()));
                }
                assertThat(shapes).as(trial.description()).isEqualTo(trial.expectedShapes());
            }
        }
    }
}
