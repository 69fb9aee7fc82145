package dev.crest.fuzz.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.fuzz.testing.MiscomputingBackends;
import dev.crest.fuzz.testing.PlantedFindings;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.fuzz.worker.WorkerLauncher;
import dev.crest.fuzz.worker.WorkerProcess;
import dev.crest.graph.Model;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reducer on planted bugs: a miscomputed Tanh in a ten-node model, and a backend that always crashes. */
class ReducerTest {
    private static final List<TargetRun> WRONG_TANH_RUNS = List.of(TargetRun.of(MiscomputingBackends.EXACT),
            TargetRun.optimized(MiscomputingBackends.WRONG_TANH, MiscomputingBackends.EXACT));
    private static final Duration BUDGET = Duration.ofMinutes(5);

    @RegisterExtension
    static final PlantedFindings findings = new PlantedFindings();

    private static TestResult test(TestCase testCase, List<TargetRun> runs) {
        return findings.test(testCase, runs);
    }

    private static TestResult originalResult() {
        return test(TestCase.of(TenNodeModel.model(), TenNodeModel.inputs(), 7), WRONG_TANH_RUNS);
    }

    @Test
    void aMiscomputedTanhReducesToTheTanhNodeFedTheValueItSawInTheOriginal() {
        TestResult original = originalResult();
        Finding finding = original.verdict().finding().orElseThrow();
        assertThat(finding.pair()).contains(new DivergingPair(MiscomputingBackends.WRONG_TANH,
                MiscomputingBackends.EXACT, DivergingPair.Kind.OPT_VS_NOOPT));
        List<ReductionProgress> progress = new ArrayList<>();

        ReductionResult result = new Reducer(findings.executor(), WRONG_TANH_RUNS, Tolerance.DEFAULT)
                .reduce(original.testCase(), finding, BUDGET, progress::add);

        assertThat(result.reproduced()).isTrue();
        assertThat(result.cutShort()).isFalse();
        assertThat(result.nodesBefore()).isEqualTo(10);
        // Every set of nodes holding the Tanh shows the bug, so the 1-minimal set is the Tanh alone.
        assertThat(result.operators()).containsExactly("Tanh");
        assertThat(result.nodesAfter()).isEqualTo(1);
        assertThat(SameBug.matches(finding, result.finding())).isTrue();
        // The Tanh's input is now a graph input, cut down to one element: c[0,0,0] = Relu(−1.5)·0.25 − 1.5.
        Model reduced = result.reduced().model();
        assertThat(reduced.graph().requiredInputs()).extracting(ValueInfo::name).containsExactly("c");
        Tensor c = result.reduced().inputs().get("c");
        assertThat(c.shape()).isEqualTo(Shape.of(1, 1, 1));
        assertThat(c.getDouble(0)).isEqualTo(-1.5);
        assertThat(result.elementsBefore()).isEqualTo(2L * TenNodeModel.SHAPE.size());
        assertThat(result.elementsAfter()).isEqualTo(1);
        assertThat(result.reduced().referenceOutputs().get("d").getDouble(0)).isCloseTo(Math.tanh(-1.5),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.summary()).startsWith("reduced 10 → 1 node (Tanh) in ");
        assertThat(progress).hasSize(result.attempts());
        assertThat(progress.get(progress.size() - 1).nodes()).isEqualTo(1);
        assertThat(progress).extracting(ReductionProgress::phase).contains(ReductionProgress.Phase.NODES,
                ReductionProgress.Phase.SHAPES);
    }

    @Test
    void aGeneratedTenNodeModelWithAMiscomputedTanhReducesToAFewNodesHoldingTheTanh() {
        OpSpecs ops = OpSpecs.standard().only(List.of("Tanh", "Add", "Mul", "Sub", "Relu", "Sigmoid", "Abs", "Neg",
                "Conv", "MatMul", "Transpose", "Reshape", "Concat", "ReduceSum"));
        GeneratorSettings settings = GeneratorSettings.defaults(0).withOperators(List.copyOf(ops.all()));
        // The first seeds whose model holds a Tanh that the planted error reaches an output through.
        int reduced = 0;
        for (long seed = 1; seed <= 40 && reduced < 2; seed++) {
            GeneratedModel generated = Generator.generate(settings.withSeed(seed));
            if (generated.model().graph().nodes().stream().noneMatch(n -> n.opType().equals("Tanh"))) {
                continue;
            }
            TestResult original = test(TestCase.of(generated.model(), generated.initialInputs(), seed), WRONG_TANH_RUNS);
            if (!original.verdict().isFinding()) {
                continue;
            }
            Finding finding = original.verdict().finding().orElseThrow();

            ReductionResult result = new Reducer(findings.executor(), WRONG_TANH_RUNS, Tolerance.DEFAULT)
                    .reduce(original.testCase(), finding, BUDGET);

            assertThat(result.nodesBefore()).as("seed %d", seed).isEqualTo(GeneratorSettings.DEFAULT_NODES);
            assertThat(result.nodesAfter()).as("seed %d: %s", seed, result.operators()).isBetween(1, 3);
            assertThat(result.operators()).as("seed %d", seed).contains("Tanh");
            TestResult again = test(result.reduced(), WRONG_TANH_RUNS);
            assertThat(again.verdict().finding()).as("seed %d", seed)
                    .hasValueSatisfying(f -> assertThat(SameBug.matches(finding, f)).isTrue());
            reduced++;
        }
        assertThat(reduced).as("generated findings reduced").isEqualTo(2);
    }

    @Test
    void theReducedCaseRetestsToTheSameVerdict() {
        TestResult original = originalResult();
        Finding finding = original.verdict().finding().orElseThrow();
        ReductionResult result = new Reducer(findings.executor(), WRONG_TANH_RUNS, Tolerance.DEFAULT)
                .reduce(original.testCase(), finding, BUDGET);

        // Re-tested from the model bytes alone, with the reference recomputed by the reference backend.
        TestCase fresh = new TestCase(result.reduced().model(), result.reduced().modelBytes(),
                result.reduced().inputs(), Map.of(), 1, Map.of());
        TestResult again = test(fresh, WRONG_TANH_RUNS);

        assertThat(again.verdict().finding()).hasValueSatisfying(f -> assertThat(SameBug.matches(finding, f)).isTrue());
        assertThat(again.testCase().referenceOutputs().keySet())
                .isEqualTo(result.reduced().referenceOutputs().keySet());
    }

    @Test
    void aBackendPairThatIsNotTheOriginalOneIsNotTheSameBug() {
        TestResult original = originalResult();
        Finding finding = original.verdict().finding().orElseThrow();
        // Compared directly with the reference, the same miscomputation is a backend-vs-reference pair.
        List<TargetRun> unpaired = List.of(TargetRun.of(MiscomputingBackends.WRONG_TANH));

        ReductionResult result = new Reducer(findings.executor(), unpaired, Tolerance.DEFAULT)
                .reduce(original.testCase(), finding, BUDGET);

        assertThat(result.reproduced()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.nodesAfter()).isEqualTo(10);
        assertThat(result.reduced()).isSameAs(original.testCase());
    }

    @Test
    void aSpentBudgetStopsAfterReproducing() {
        TestResult original = originalResult();
        Finding finding = original.verdict().finding().orElseThrow();

        ReductionResult result = new Reducer(findings.executor(), WRONG_TANH_RUNS, Tolerance.DEFAULT)
                .reduce(original.testCase(), finding, Duration.ofNanos(1));

        assertThat(result.reproduced()).isTrue();
        assertThat(result.cutShort()).isTrue();
        assertThat(result.nodesAfter()).isEqualTo(10);
    }

    @Test
    void aNonPositiveBudgetIsAUserError() {
        TestResult original = originalResult();
        Finding finding = original.verdict().finding().orElseThrow();
        Reducer reducer = new Reducer(findings.executor(), WRONG_TANH_RUNS, Tolerance.DEFAULT);

        assertThatThrownBy(() -> reducer.reduce(original.testCase(), finding, Duration.ZERO))
                .isInstanceOf(FuzzException.class).hasMessageContaining("budget must be positive");
    }

    @Test
    void aBackendThatCrashesOnEveryModelReducesToOneNode() {
        List<TargetRun> runs = List.of(TargetRun.of(TestBackends.CRASH));
        try (WorkerProcess worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(20))) {
            TestResult original = new DifferentialTester(worker, runs, Tolerance.DEFAULT)
                    .test(TestCase.of(TenNodeModel.model(), TenNodeModel.inputs(), 7));
            Finding finding = original.verdict().finding().orElseThrow();
            assertThat(finding.symptom()).isEqualTo(dev.crest.fuzz.diff.Symptom.CRASH);

            ReductionResult result = new Reducer(worker, runs, Tolerance.DEFAULT)
                    .reduce(original.testCase(), finding, BUDGET);

            assertThat(result.reproduced()).isTrue();
            assertThat(result.nodesAfter()).isEqualTo(1);
            assertThat(result.finding().symptom()).isEqualTo(dev.crest.fuzz.diff.Symptom.CRASH);
            assertThat(result.elementsAfter()).isLessThan(result.elementsBefore());
        }
    }
}
