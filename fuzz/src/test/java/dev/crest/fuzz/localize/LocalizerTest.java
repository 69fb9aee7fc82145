package dev.crest.fuzz.localize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.campaign.BugSignature;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.diff.Verdict;
import dev.crest.fuzz.testing.MiscomputingBackends;
import dev.crest.fuzz.testing.PlantedFindings;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Localization of planted single-operator bugs, run in this process (the worker is covered by its own test). */
class LocalizerTest {
    @RegisterExtension
    static final PlantedFindings findings = new PlantedFindings();

    /** {@code y = Sigmoid(Relu(x)) + x} on {@code x: dtype[2, 3]}, optionally declaring the intermediate types. */
    static Model chain(DType dtype, boolean valueInfos) {
        Graph.Builder g = Graph.builder().name("chain")
                .input("x", TensorType.of(dtype, 2, 3))
                .node(Node.builder("Relu").name("n0").inputs("x").outputs("a").build())
                .node(Node.builder("Sigmoid").name("n1").inputs("a").outputs("b").build())
                .node(Node.builder("Add").name("n2").inputs("b", "x").outputs("y").build())
                .output("y", TensorType.of(dtype, 2, 3));
        if (valueInfos) {
            g.valueInfo(dev.crest.graph.ValueInfo.of("a", TensorType.of(dtype, 2, 3)))
                    .valueInfo(dev.crest.graph.ValueInfo.of("b", TensorType.of(dtype, 2, 3)));
        }
        return Model.of(g.build());
    }

    static Map<String, Tensor> inputs(DType dtype, double scale) {
        return Map.of("x", Tensor.fromDoubles(dtype, Shape.of(2, 3),
                new double[] {-1 * scale, 0.5 * scale, 2 * scale, -0.25 * scale, 1 * scale, 3 * scale}));
    }

    private static TestResult test(Model model, Map<String, Tensor> inputs, List<TargetRun> runs) {
        return findings.test(TestCase.of(model, inputs, 1), runs);
    }

    @Test
    void aMiscomputedOperatorIsLocalizedWithItsTypesAndError() {
        Finding finding = test(chain(DType.FLOAT32, true), inputs(DType.FLOAT32, 1),
                List.of(TargetRun.of(MiscomputingBackends.SIGMOID_PLUS_ONE))).verdict().finding().orElseThrow();

        Localization where = finding.localization().orElseThrow();
        assertThat(where.localized()).isTrue();
        assertThat(where.method()).isEqualTo(Localization.INTERMEDIATES);
        assertThat(where.node().index()).isEqualTo(1);
        assertThat(where.node().name()).isEqualTo("n1");
        assertThat(where.node().operator()).isEqualTo("Sigmoid");
        assertThat(where.node().inputs()).containsExactly(new TypedValue("a", "float32", List.of(2, 3)));
        assertThat(where.output()).isEqualTo("b");
        assertThat(where.operatorWithDtype()).isEqualTo("Sigmoid(float32)");
        // The planted error is +1 on every element; float32 rounding of sigmoid(x) + 1 stays far below 1e-6.
        assertThat(where.maxAbsError()).isCloseTo(1.0, within(1e-6));
        assertThat(where.actual()).isEqualTo(MiscomputingBackends.SIGMOID_PLUS_ONE);
        assertThat(where.expected()).isEqualTo("reference");
        // Relu before it is right, so the node's input agrees exactly; alone the node is still wrong.
        assertThat(where.inputMaxAbsError()).isZero();
        assertThat(where.nodeAloneDiverges()).isTrue();
        assertThat(finding.localizedOperator()).contains("Sigmoid(float32)");
        assertThat(BugSignature.of(finding).localizedOperator()).contains("Sigmoid(float32)");
    }

    @Test
    void aModelWithoutValueInfosIsTypedByTheReferenceRun() {
        Localization where = test(chain(DType.FLOAT32, false), inputs(DType.FLOAT32, 1),
                List.of(TargetRun.of(MiscomputingBackends.RELU_PLUS_ONE))).verdict().finding().orElseThrow()
                .localization().orElseThrow();

        assertThat(where.node().operator()).isEqualTo("Relu");
        assertThat(where.node().index()).isZero();
        assertThat(where.node().outputs()).containsExactly(new TypedValue("a", "float32", List.of(2, 3)));
    }

    @Test
    void findingsDifferingOnlyInNumbersAreOneBugAndDifferentOperatorsAreTwo() {
        List<TargetRun> sigmoid = List.of(TargetRun.of(MiscomputingBackends.SIGMOID_PLUS_ONE));
        Finding small = test(chain(DType.FLOAT32, true), inputs(DType.FLOAT32, 1), sigmoid).verdict().finding()
                .orElseThrow();
        Finding large = test(chain(DType.FLOAT32, true), inputs(DType.FLOAT32, 7), sigmoid).verdict().finding()
                .orElseThrow();
        assertThat(small.message()).isNotEqualTo(large.message());
        assertThat(BugSignature.of(small)).isEqualTo(BugSignature.of(large));

        Localization elsewhere = new Localization(Localization.INTERMEDIATES, small.backend(), "reference",
                new LocalizedNode(0, "n0", "Relu", Map.of(), List.of(new TypedValue("x", "float32", List.of(2, 3))),
                        List.of(new TypedValue("a", "float32", List.of(2, 3)))),
                "a", 1, 1, "", null, null, "");
        Finding other = small.withLocalization(elsewhere);
        assertThat(BugSignature.of(other).normalizedMessage()).isEqualTo(BugSignature.of(small).normalizedMessage());
        assertThat(BugSignature.of(other)).isNotEqualTo(BugSignature.of(small));
        assertThat(BugSignature.of(other).id()).isNotEqualTo(BugSignature.of(small).id());
    }

    @Test
    void anOptimizationBugIsLocalizedAndTheWrongSideOfThePairNamed() {
        // The perturbed run adds 1 to the first element of the first output, which Add computes.
        List<TargetRun> runs = List.of(TargetRun.of(OrtBackend.NO_OPT),
                TargetRun.optimized(TestBackends.PERTURBED_OPT, OrtBackend.NO_OPT));

        Finding finding = test(chain(DType.FLOAT32, true), inputs(DType.FLOAT32, 1), runs).verdict().finding()
                .orElseThrow();

        assertThat(finding.pair().orElseThrow().kind()).isEqualTo(DivergingPair.Kind.OPT_VS_NOOPT);
        Localization where = finding.localization().orElseThrow();
        assertThat(where.node().operator()).isEqualTo("Add");
        assertThat(where.expected()).isEqualTo(OrtBackend.NO_OPT);
        assertThat(where.actualAgreesWithReference()).isFalse();
        assertThat(where.expectedAgreesWithReference()).isTrue();
        assertThat(where.detail()).contains("'y' element 0");
        assertThat(where.inputMaxAbsError()).isZero();
    }

    @Test
    void aNodeThatIsRightWhenRunAloneIsSaidToBeFedDifferentValues() {
        Finding finding = test(chain(DType.FLOAT32, true), inputs(DType.FLOAT32, 1),
                List.of(TargetRun.of(MiscomputingBackends.SIGMOID_PLUS_ONE_IN_CONTEXT))).verdict().finding()
                .orElseThrow();

        Localization where = finding.localization().orElseThrow();
        assertThat(where.node().operator()).isEqualTo("Sigmoid");
        assertThat(where.nodeAloneDiverges()).isFalse();
        assertThat(where.summary()).contains("run alone on the reference's inputs the node agrees");
    }

    @Test
    void roundingAmplifiedByACosineOfALargeArgumentIsDroppedNotReported() {
        Model model = Model.of(Graph.builder().name("amplify").input("x", TensorType.of(DType.FLOAT32, 2, 3))
                .node(Node.builder("Relu").name("n0").inputs("x").outputs("a").build())
                .node(Node.builder("Cos").name("n1").inputs("a").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 2, 3)).build());
        // Relu is off by a relative 1e-4 (within tolerance), so a ≈ 1e4 moves by about 1 and cos(a) changes wholly.
        Verdict verdict = test(model, inputs(DType.FLOAT32, 1e4),
                List.of(TargetRun.of(MiscomputingBackends.RELU_SLIGHTLY_OFF))).verdict();

        assertThat(verdict.isFinding()).isFalse();
        assertThat(verdict.reason()).startsWith("rounding differences amplified").contains("Cos");
    }

    @Test
    void aDivergenceThatExposingIntermediatesRemovesIsNotLocalized() {
        Finding finding = test(chain(DType.FLOAT32, true), inputs(DType.FLOAT32, 1),
                List.of(TargetRun.of(MiscomputingBackends.FUSED_PLUS_ONE))).verdict().finding().orElseThrow();

        Localization where = finding.localization().orElseThrow();
        assertThat(where.localized()).isFalse();
        assertThat(where.note()).isEqualTo(Localization.DISAPPEARS);
        assertThat(where.summary()).isEqualTo("not localized (" + Localization.DISAPPEARS + ")");
        assertThat(BugSignature.of(finding).localizedOperator()).isEmpty();
    }

    @Test
    void aFloat16DivergenceThatExposingIntermediatesRemovesIsDroppedAsPrecision() {
        Verdict verdict = test(chain(DType.FLOAT16, true), inputs(DType.FLOAT16, 1),
                List.of(TargetRun.of(MiscomputingBackends.FUSED_PLUS_ONE))).verdict();

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.DROPPED);
        assertThat(verdict.reason()).contains("float16 computed at a higher precision");
    }

    @Test
    void anExceptionIsLocalizedToTheNodeItsMessageNames() {
        Model model = chain(DType.FLOAT32, true);
        Finding exception = new Finding(Symptom.EXCEPTION, Stage.EXECUTE, OrtBackend.NO_OPT, "1.23.2",
                Optional.empty(), 0, 0, "onnxruntime-noopt failed at execute: OrtException: Non-zero status code "
                + "returned while running Sigmoid node. Name:'n1' Status Message: planted", "");

        Finding localized = new Localizer(findings.executor(), Tolerance.DEFAULT)
                .localize(TestCase.of(model, inputs(DType.FLOAT32, 1), 1), exception);

        Localization where = localized.localization().orElseThrow();
        assertThat(where.method()).isEqualTo(Localization.ERROR_MESSAGE);
        assertThat(where.node().name()).isEqualTo("n1");
        assertThat(where.node().inputs()).containsExactly(new TypedValue("a", "float32", List.of(2, 3)));
        // Deduplication keys only inconsistencies on the localized operator.
        assertThat(BugSignature.of(localized)).isEqualTo(BugSignature.of(exception));
    }

    @Test
    void anExceptionNamingNoNodeStaysUnlocalized() {
        Finding exception = new Finding(Symptom.EXCEPTION, Stage.COMPILE, OrtBackend.NO_OPT, "1.23.2",
                Optional.empty(), 0, 0, "failed at compile: no kernel for 'Sigmoid(float64)'", "");

        Finding same = new Localizer(findings.executor(), Tolerance.DEFAULT)
                .localize(TestCase.of(chain(DType.FLOAT32, true), inputs(DType.FLOAT32, 1), 1), exception);

        assertThat(same.localization()).isEmpty();
    }

    @Test
    void exposingKeepsTheOriginalOutputsFirstAndAddsEveryIntermediateOnce() {
        Model model = chain(DType.FLOAT32, true);
        ExposedModel exposed = ExposedModel.of(model, inputs(DType.FLOAT32, 1));

        assertThat(exposed.model().graph().outputs()).extracting(dev.crest.graph.ValueInfo::name)
                .containsExactly("y", "a", "b");
        assertThat(exposed.model().graph().valueInfos()).isEmpty();
        assertThat(exposed.model().graph().nodes()).isEqualTo(model.graph().nodes());
    }
}
