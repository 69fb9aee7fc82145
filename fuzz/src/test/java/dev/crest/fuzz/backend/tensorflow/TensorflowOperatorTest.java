package dev.crest.fuzz.backend.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.campaign.DtypeRestrictedSpec;
import dev.crest.fuzz.diff.Comparison;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translated operator, for two of the dtypes its spec lists, as a one-node model with attributes and shapes the
 * generator draws at random (over several opsets): TensorFlow without optimizations computes what the
 * reference interpreter computes, within the campaign's tolerance.
 */
class TensorflowOperatorTest {
    private static final Backend TENSORFLOW = new TensorflowBackend(TfLevel.NO_OPT);
    private static final Backend REFERENCE = new ReferenceBackend();
    private static final int DTYPES_PER_OPERATOR = 2;

    @AfterAll
    static void close() {
        TENSORFLOW.close();
        REFERENCE.close();
    }

    static Stream<String> translatedOperators() {
        return OpSpecs.standard().all().stream().map(OpSpec::opType).filter(OnnxToTf.operators()::contains);
    }

    @Test
    void translatesEverySpecifiedOperatorButResize() {
        assertThat(OpSpecs.standard().all().stream().map(OpSpec::opType)
                .filter(op -> !OnnxToTf.operators().contains(op))).containsExactly("Resize");
    }

    @ParameterizedTest
    @MethodSource("translatedOperators")
    void agreesWithTheReferenceOnRandomOneNodeModels(String opType) {
        OpSpec spec = OpSpecs.standard().get(opType);
        // Two dtypes per operator keep the test short; the seed rotates which ones.
        List<DType> dtypes = new ArrayList<>(DtypeRestrictedSpec.firstInputDtypes(spec));
        Collections.shuffle(dtypes, new Random(opType.hashCode()));
        int trial = 0;
        for (DType dtype : dtypes.subList(0, Math.min(DTYPES_PER_OPERATOR, dtypes.size()))) {
            int opset = TfSpecCases.opset(spec, trial + opType.length());
            GeneratedModel model = TfSpecCases.oneNode(spec, dtype, 31L * opType.hashCode() + trial, opset)
                    .orElseThrow(() -> new AssertionError("no one-node model for " + opType + " " + dtype));
            trial++;
            byte[] bytes = OnnxModels.toBytes(model.model());
            Map<String, Tensor> inputs = model.initialInputs();
            Map<String, Tensor> expected;
            try (Backend.Compiled compiled = REFERENCE.compile(bytes)) {
                expected = REFERENCE.run(compiled, inputs);
            }
            try (Backend.Compiled compiled = TENSORFLOW.compile(bytes)) {
                Comparison comparison = Comparison.of(TENSORFLOW.run(compiled, inputs), expected, Tolerance.DEFAULT);
                assertThat(comparison.agrees()).as("%s(%s) at opset %d: %s in %s", opType, dtype.displayName(), opset,
                        comparison.detail(), model.model().graph().nodes()).isTrue();
            }
        }
    }
}
