package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.testing.Float16AccumulatingBackends;
import dev.crest.fuzz.testing.MiscomputingBackends;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The float16 accumulation overflow rule on one-node float16 models: a backend that accumulates in float16 and
 * overflows where some order of accumulation could is dropped (kept with the flag); a backend giving +∞ where no
 * accumulation reaches 65504 stays a finding.
 */
class Float16AccumulationOverflowTest {
    private static InProcessExecutor executor;

    @BeforeAll
    static void start() {
        executor = new InProcessExecutor(BackendRegistry.standard());
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    /** {@code y = ReduceMean(x, axes=[1], keepdims=0)} on {@code x: float16[rows, 4]}. */
    private static TestCase rowMeans(double... values) {
        int rows = values.length / 4;
        Graph graph = Graph.builder().name("mean")
                .input("x", TensorType.of(DType.FLOAT16, rows, 4))
                .initializer("axes", Tensor.ofLongs(Shape.of(1), 1))
                .node(Node.builder("ReduceMean").name("mean").inputs("x", "axes").outputs("y")
                        .attributes(Attributes.builder().put("keepdims", 0L).build()).build())
                .output("y", TensorType.of(DType.FLOAT16, rows))
                .build();
        return TestCase.of(Model.of(graph), Map.of("x", Tensor.fromDoubles(DType.FLOAT16, Shape.of(rows, 4), values)),
                1);
    }

    /** {@code y = ReduceProd(x, keepdims=0)} over every element of {@code x: float16[n]}. */
    private static TestCase product(double... values) {
        Graph graph = Graph.builder().name("prod")
                .input("x", TensorType.of(DType.FLOAT16, values.length))
                .node(Node.builder("ReduceProd").name("prod").inputs("x").outputs("y")
                        .attributes(Attributes.builder().put("keepdims", 0L).build()).build())
                .output("y", TensorType.of(DType.FLOAT16, new int[0]))
                .build();
        return TestCase.of(Model.of(graph), Map.of("x", Tensor.fromDoubles(DType.FLOAT16, Shape.of(values.length),
                values)), 1);
    }

    private static Verdict verdict(TestCase testCase, String backend, Tolerance tolerance) {
        return new DifferentialTester(executor, List.of(TargetRun.of(backend)), tolerance).test(testCase).verdict();
    }

    @Test
    void aMeanWhoseFloat16SumOverflowsIsDroppedAlthoughTheMeanFits() {
        // Row 0: 20000 · 4 = 80000 passes 65504 in a float16 sum although the mean, 20000, fits; row 1 is small.
        TestCase testCase = rowMeans(20000, 20000, 20000, 20000, 1, 2, 3, 4);

        Verdict verdict = verdict(testCase, Float16AccumulatingBackends.ACCUMULATOR, Tolerance.DEFAULT);

        assertThat(verdict.kind()).as(verdict.toString()).isEqualTo(Verdict.Kind.DROPPED);
        assertThat(verdict.reason()).startsWith("float16 accumulation overflow: "
                + Float16AccumulatingBackends.ACCUMULATOR + " gives ±∞ or NaN for ReduceMean 'mean' at 1 element")
                .contains("can reach 8.000e+04 > 65504");
    }

    @Test
    void theFlagKeepsTheOverflowAsAFindingLocalizedToTheMean() {
        TestCase testCase = rowMeans(20000, 20000, 20000, 20000, 1, 2, 3, 4);

        Verdict verdict = verdict(testCase, Float16AccumulatingBackends.ACCUMULATOR,
                Tolerance.DEFAULT.withKeepFloat16Overflow(true));

        assertThat(verdict.kind()).as(verdict.toString()).isEqualTo(Verdict.Kind.FINDING);
        Finding finding = verdict.finding().orElseThrow();
        assertThat(finding.symptom()).isEqualTo(Symptom.INCONSISTENCY);
        assertThat(finding.localizedOperator()).contains("ReduceMean(float16)");
        assertThat(finding.message()).contains("Infinity vs 20000.0");
    }

    @Test
    void infinityWhereNoAccumulationReachesTheFloat16MaximumIsAFinding() {
        TestCase testCase = rowMeans(1, 2, 3, 4, -1, -2, -3, -4);

        Verdict verdict = verdict(testCase, Float16AccumulatingBackends.REDUCE_INFINITY, Tolerance.DEFAULT);

        assertThat(verdict.kind()).as(verdict.toString()).isEqualTo(Verdict.Kind.FINDING);
        assertThat(verdict.finding().orElseThrow().localizedOperator()).contains("ReduceMean(float16)");
    }

    @Test
    void infinityIsExcusedOnlyAtTheOutputsWhoseAccumulationCouldOverflow() {
        // Row 0 could overflow, row 1 (sum 10) could not: +∞ in both rows is a finding.
        TestCase testCase = rowMeans(20000, 20000, 20000, 20000, 1, 2, 3, 4);

        Verdict verdict = verdict(testCase, Float16AccumulatingBackends.REDUCE_INFINITY, Tolerance.DEFAULT);

        assertThat(verdict.kind()).as(verdict.toString()).isEqualTo(Verdict.Kind.FINDING);
    }

    @Test
    void aProductOverflowingBeforeAFactorBelowOneIsDropped() {
        // 300 · 300 = 90000 overflows float16; the product with 0.001 (≈ 90) fits; with 0 the engine gets ∞ · 0 = NaN.
        for (TestCase testCase : List.of(product(300, 300, 0.001, 1), product(300, 300, 0))) {
            Verdict verdict = verdict(testCase, Float16AccumulatingBackends.ACCUMULATOR, Tolerance.DEFAULT);

            assertThat(verdict.kind()).as(verdict.toString()).isEqualTo(Verdict.Kind.DROPPED);
            assertThat(verdict.reason()).contains("float16 partial products there can reach 9.000e+04");
        }
    }

    @Test
    void anOverflowBetweenAnOptimizedRunAndItsBaselineIsDroppedToo() {
        TestCase testCase = rowMeans(20000, 20000, 20000, 20000, 1, 2, 3, 4);
        List<TargetRun> runs = List.of(TargetRun.of(MiscomputingBackends.EXACT),
                TargetRun.optimized(Float16AccumulatingBackends.ACCUMULATOR, MiscomputingBackends.EXACT));

        Verdict kept = new DifferentialTester(executor, runs, Tolerance.DEFAULT.withKeepFloat16Overflow(true))
                .test(testCase).verdict();
        Verdict dropped = new DifferentialTester(executor, runs, Tolerance.DEFAULT).test(testCase).verdict();

        assertThat(kept.finding().orElseThrow().pair()).contains(new DivergingPair(
                Float16AccumulatingBackends.ACCUMULATOR, MiscomputingBackends.EXACT, DivergingPair.Kind.OPT_VS_NOOPT));
        assertThat(dropped.kind()).as(dropped.toString()).isEqualTo(Verdict.Kind.DROPPED);
        assertThat(dropped.reason()).startsWith("float16 accumulation overflow");
    }
}
