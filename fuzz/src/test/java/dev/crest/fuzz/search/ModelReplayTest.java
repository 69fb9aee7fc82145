package dev.crest.fuzz.search;

import static dev.crest.fuzz.search.SearchModels.full;
import static dev.crest.fuzz.search.SearchModels.model;
import static dev.crest.fuzz.search.SearchModels.node;
import static dev.crest.fuzz.search.SearchModels.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelReplayTest {
    private static final DType F32 = DType.FLOAT32;

    /** Two branches: a = Log(Neg(x)) comes first in order, b = Sqrt(Neg(y)) second; both fail for positive x, y. */
    private static Model twoBranches() {
        return model(Graph.builder()
                .input("x", type(F32))
                .input("y", type(F32))
                .node(node("Neg", "nx", "x"))
                .node(node("Log", "a", "nx"))
                .node(node("Neg", "ny", "y"))
                .node(node("Sqrt", "b", "ny"))
                .node(node("Add", "s", "a", "b"))
                .output("s", type(F32)));
    }

    private static ModelReplay.Outcome run(ModelReplay replay, double x, double y, int focus) {
        Tape tape = new Tape();
        Map<String, Tensor> values = Map.of("x", full(F32, x), "y", full(F32, y));
        return replay.run(tape, ModelReplay.constants(tape, values), focus);
    }

    @Test
    void withoutAFocusReportsTheFirstFailingNodeInOrder() {
        ModelReplay replay = new ModelReplay(SearchProblem.of(twoBranches(), Set.of("x", "y")));
        assertThat(run(replay, 1, 1, -1).failingNode()).isEqualTo(1);
        assertThat(run(replay, -1, 1, -1).failingNode()).isEqualTo(3);
        assertThat(run(replay, -1, -1, -1).allFinite()).isTrue();
    }

    @Test
    void aFocusRunsItsConeFirstAndTheRestOnlyWhenTheConeIsFinite() {
        ModelReplay replay = new ModelReplay(SearchProblem.of(twoBranches(), Set.of("x", "y")));
        // The Sqrt branch fails and is reported although the Log node before it in order fails too.
        ModelReplay.Outcome focused = run(replay, 1, 1, 3);
        assertThat(focused.failingNode()).isEqualTo(3);
        assertThat(focused.failingInputs()).hasSize(1);
        assertThat(focused.failingInputs().get(0).value().getDouble(0)).isEqualTo(-1);
        // Once the focus is finite, the rest runs and its failure is found.
        assertThat(run(replay, 1, -1, 3).failingNode()).isEqualTo(1);
        assertThat(run(replay, -1, -1, 3).allFinite()).isTrue();
        // A focus on the final Add covers everything: the first failure in order again.
        assertThat(run(replay, 1, 1, 4).failingNode()).isEqualTo(1);
    }
}
