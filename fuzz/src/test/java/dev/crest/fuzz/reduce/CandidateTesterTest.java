package dev.crest.fuzz.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.testing.PlantedFindings;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.fuzz.testing.TestModels;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Candidates the reference cannot judge are never interesting, whatever the backend does with them. */
class CandidateTesterTest {
    @RegisterExtension
    static final PlantedFindings findings = new PlantedFindings();
    private static CandidateTester tester;

    @BeforeAll
    static void start() {
        // The throwing backend fails every model at compile with the same message: every case shows the bug.
        DifferentialTester differential = findings.tester(List.of(TargetRun.of(TestBackends.THROW)));
        Finding finding = differential.test(TestCase.of(TestModels.unary("Relu", DType.FLOAT32, 2),
                TestModels.input(DType.FLOAT32, 1, -1), 1)).verdict().finding().orElseThrow();
        assertThat(finding.symptom()).isEqualTo(Symptom.EXCEPTION);
        tester = new CandidateTester(differential, finding, 1, Map.of());
    }

    @Test
    void aCaseTheReferenceRunsToFiniteOutputsShowsTheBug() {
        Candidate relu = new Candidate(TestModels.unary("Relu", DType.FLOAT32, 2), TestModels.input(DType.FLOAT32, 1, -1));

        assertThat(tester.test(relu)).hasValueSatisfying(a -> {
            assertThat(a.finding().message()).contains("planted compile failure");
            assertThat(a.testCase().referenceOutputs().get("y").toDoubleArray()).containsExactly(1, 0);
        });
    }

    @Test
    void aCaseWhoseReferenceOutputIsInfiniteIsNotInteresting() {
        Candidate reciprocal = new Candidate(TestModels.unary("Reciprocal", DType.FLOAT32, 2),
                TestModels.input(DType.FLOAT32, 0, 1));

        assertThat(tester.test(reciprocal)).isEmpty();
    }

    @Test
    void aCaseTheReferenceCannotRunIsNotInteresting() {
        // Add of [2] and [3] does not broadcast.
        Graph graph = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, 2))
                .input("z", TensorType.of(DType.FLOAT32, 3))
                .node(Node.of("Add", List.of("x", "z"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, 2))
                .build();
        Candidate broken = new Candidate(Model.of(graph), Map.of(
                "x", TestModels.input(DType.FLOAT32, 1, 2).get("x"),
                "z", TestModels.input(DType.FLOAT32, 1, 2, 3).get("x")));
        int before = tester.attempts();

        assertThat(tester.test(broken)).isEmpty();
        assertThat(tester.attempts()).isEqualTo(before + 1);
    }
}
