package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.backend.tensorflow.TfLevel;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.fuzz.testing.TestModels;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.example.ExampleModels;
import dev.crest.graph.onnx.TestDataSet;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tester's classification, on real ONNX Runtime runs in this process and on planted bugs. */
class DifferentialTesterTest {
    private static final BackendRegistry REGISTRY = BackendRegistry.standard();
    private static InProcessExecutor executor;

    @BeforeAll
    static void start() {
        executor = new InProcessExecutor(REGISTRY);
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static TestCase mlpCase() {
        Model model = ExampleModels.mlp(7);
        TestDataSet data = ExampleModels.testData(model, 7);
        return TestCase.of(model, data.inputs(), 7);
    }

    private static TestResult test(TestCase testCase, List<TargetRun> runs) {
        return new DifferentialTester(executor, runs, Tolerance.DEFAULT).test(testCase);
    }

    @Test
    void onnxRuntimeAgreesWithTheReferenceOnTheExampleMlp() {
        TestResult result = test(mlpCase(), REGISTRY.expand(BackendRegistry.ONNXRUNTIME));

        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(result.runs()).containsOnlyKeys("reference", OrtBackend.NO_OPT, OrtBackend.OPT);
        assertThat(result.testCase().referenceOutputs()).containsOnlyKeys("probabilities");
    }

    @Test
    void anOptimizedRunDisagreeingWithItsBaselineBlamesOptimization() {
        List<TargetRun> runs = List.of(TargetRun.of(OrtBackend.NO_OPT),
                TargetRun.optimized(TestBackends.PERTURBED_OPT, OrtBackend.NO_OPT));

        Verdict verdict = test(mlpCase(), runs).verdict();

        Finding finding = verdict.finding().orElseThrow();
        assertThat(finding.symptom()).isEqualTo(Symptom.INCONSISTENCY);
        assertThat(finding.stage()).isEqualTo(Stage.VERIFY);
        assertThat(finding.backend()).isEqualTo(TestBackends.PERTURBED_OPT);
        assertThat(finding.pair()).contains(new DivergingPair(TestBackends.PERTURBED_OPT, OrtBackend.NO_OPT,
                DivergingPair.Kind.OPT_VS_NOOPT));
        // The planted error is +1 on a softmax probability, so the absolute error is 1 up to float32 rounding.
        assertThat(finding.maxAbsError()).isBetween(0.999, 1.001);
    }

    @Test
    void runsThatAgreeWithEachOtherButNotTheReferenceNeedTriage() {
        List<TargetRun> runs = List.of(TargetRun.of(TestBackends.PERTURBED_NOOPT),
                TargetRun.optimized(TestBackends.PERTURBED_OPT, TestBackends.PERTURBED_NOOPT));

        Finding finding = test(mlpCase(), runs).verdict().finding().orElseThrow();

        assertThat(finding.pair()).contains(new DivergingPair(TestBackends.PERTURBED_NOOPT, "reference",
                DivergingPair.Kind.BACKEND_VS_REFERENCE));
        assertThat(finding.backend()).isEqualTo(TestBackends.PERTURBED_NOOPT);
    }

    @Test
    void nanOnBothSidesIsAgreement() {
        // log(−1) is NaN in the reference and in ONNX Runtime.
        TestCase nan = TestCase.of(TestModels.unary("Log", DType.FLOAT32, 2), TestModels.input(DType.FLOAT32, -1, 2), 1);

        TestResult result = test(nan, REGISTRY.expand(BackendRegistry.ONNXRUNTIME));

        assertThat(result.testCase().referenceOutputs().get("y").getDouble(0)).isNaN();
        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void aDisagreementOnANonFiniteReferenceIsDroppedAsAFalseAlarm() {
        List<TargetRun> runs = List.of(TargetRun.of(TestBackends.NAN_TO_ZERO));
        TestCase nan = TestCase.of(TestModels.unary("Log", DType.FLOAT32, 2), TestModels.input(DType.FLOAT32, -1, 2), 1);
        TestCase finite = TestCase.of(TestModels.unary("Log", DType.FLOAT32, 2), TestModels.input(DType.FLOAT32, 1, 2), 1);

        assertThat(test(nan, runs).verdict().kind()).isEqualTo(Verdict.Kind.DROPPED);
        assertThat(test(nan, runs).verdict().reason()).contains("NaN");
        assertThat(test(finite, runs).verdict().kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void aDivergenceAtANodeTheReferenceFedNanIsDroppedAsAFalseAlarm() {
        // PRelu of a positive input with a NaN slope: the reference follows the operator's piecewise definition
        // and gives the input; ONNX Runtime blends both branches and gives NaN.
        Graph graph = Graph.builder().name("prelu").input("x", TensorType.of(DType.FLOAT32, 2))
                .input("slope", TensorType.of(DType.FLOAT32, 2))
                .node(Node.builder("PRelu").name("prelu").inputs("x", "slope").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 2)).build();
        Map<String, Tensor> inputs = Map.of("x", Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {-1, 7.5}),
                "slope", Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {0.5, Double.NaN}));

        TestResult result = test(TestCase.of(Model.of(graph), inputs, 1), List.of(TargetRun.of(OrtBackend.NO_OPT)));

        assertThat(result.testCase().referenceOutputs().get("y").getDouble(1)).isEqualTo(7.5);
        assertThat(result.runs().get(OrtBackend.NO_OPT).outputs().get("y").getDouble(1)).isNaN();
        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.DROPPED);
        assertThat(result.verdict().reason()).contains("input 'slope' of PRelu 'prelu' holds NaN or an infinity");
    }

    @Test
    void aDivergenceFromSubnormalInputsFlushedToZeroIsDroppedAsAFalseAlarm() {
        // ArgMin of (3e-322, 0): the reference finds 0 the smaller; TensorFlow's CPU kernels flush the subnormal
        // 3e-322 to zero and see a tie.
        Graph graph = Graph.builder().name("argmin").input("x", TensorType.of(DType.FLOAT64, 2))
                .node(Node.builder("ArgMin").name("argmin").inputs("x").outputs("y")
                        .attributes(Attributes.builder().put("keepdims", 0L).build()).build())
                .output("y", TensorType.of(DType.INT64, new int[0])).build();
        Map<String, Tensor> inputs = Map.of("x", Tensor.fromDoubles(DType.FLOAT64, Shape.of(2),
                new double[] {3e-322, 0}));
        String tensorflow = TfLevel.NO_OPT.backendName();

        TestResult result = test(TestCase.of(Model.of(graph), inputs, 1), List.of(TargetRun.of(tensorflow)));

        assertThat(result.testCase().referenceOutputs().get("y").getDouble(0)).isEqualTo(1);
        assertThat(result.runs().get(tensorflow).outputs().get("y").getDouble(0)).isZero();
        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.DROPPED);
        assertThat(result.verdict().reason()).startsWith("subnormal values flushed to zero: ArgMin 'argmin'");
    }

    @Test
    void anEngineRejectingTheModelIsACompileException() {
        // ONNX Runtime has no float64 Cos kernel; the reference interpreter computes it.
        TestCase cos = TestCase.of(TestModels.unary("Cos", DType.FLOAT64, 2), TestModels.input(DType.FLOAT64, 0, 1), 3);

        Finding finding = test(cos, List.of(TargetRun.of(OrtBackend.NO_OPT))).verdict().finding().orElseThrow();

        assertThat(finding.symptom()).isEqualTo(Symptom.EXCEPTION);
        assertThat(finding.stage()).isEqualTo(Stage.COMPILE);
        assertThat(finding.pair()).isEmpty();
        assertThat(finding.message()).contains("Cos");
        assertThat(finding.errorLog()).contains("GraphException");
    }

    @Test
    void aFailingReferenceDropsTheCase() {
        // Crest's interpreter has no kernel for this made-up operator, so the case cannot be judged.
        TestCase unknown = TestCase.of(TestModels.unary("NoSuchOperator", DType.FLOAT32, 2),
                TestModels.input(DType.FLOAT32, 0, 1), 3);

        Verdict verdict = test(unknown, List.of(TargetRun.of(OrtBackend.NO_OPT))).verdict();

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.DROPPED);
        assertThat(verdict.reason()).contains("reference", "compile", "NoSuchOperator");
    }
}
