package dev.crest.fuzz.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.tensor.DType;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {
    @Test
    void defaultsAreNNSmiths() {
        SearchSettings d = SearchSettings.defaults();
        assertThat(d.budget()).isEqualTo(Duration.ofMillis(20));
        assertThat(d.initLow()).isEqualTo(3);
        assertThat(d.initHigh()).isEqualTo(7);
        assertThat(d.learningRate()).isEqualTo(0.5);
        assertThat(d.gradientClip()).isEqualTo(0.1);
        assertThat(d.budgetClock()).isEqualTo(BudgetClock.WALL);
    }

    @Test
    void aCpuTimeBudgetChangesNothingWhenTheIterationCapEndsTheSearch() {
        Model model = SearchModels.model(Graph.builder()
                .input("x", SearchModels.type(DType.FLOAT32))
                .node(SearchModels.node("Neg", "n", "x"))
                .node(SearchModels.node("Sqrt", "y", "n"))
                .output("y", SearchModels.type(DType.FLOAT32)));
        SearchSettings wall = SearchModels.iterations(5);
        SearchSettings cpu = wall.withBudgetClock(BudgetClock.THREAD_CPU);
        assertThat(cpu.budget()).isEqualTo(wall.budget());
        assertThat(cpu.maxIterations()).isEqualTo(5);

        SearchResult onWall = new GradientSearch().search(model, Set.of("x"), wall, new SplittableRandom(3));
        SearchResult onCpu = new GradientSearch().search(model, Set.of("x"), cpu, new SplittableRandom(3));
        assertThat(onCpu.iterations()).isEqualTo(onWall.iterations());
        assertThat(onCpu.values().get("x").sameAs(onWall.values().get("x"))).isTrue();
    }

    @Test
    void refusesABudgetThatIsNotPositive() {
        assertThatThrownBy(() -> SearchSettings.defaults().withBudget(Duration.ZERO))
                .isInstanceOf(FuzzException.class).hasMessage("the input-search budget must be positive, got 0 ms");
        assertThatThrownBy(() -> SearchSettings.defaults().withBudget(Duration.ofMillis(-5)))
                .isInstanceOf(FuzzException.class).hasMessageContaining("budget must be positive");
        assertThatThrownBy(() -> SearchSettings.defaults().withMaxIterations(0))
                .isInstanceOf(FuzzException.class).hasMessageContaining("iteration limit must be positive");
    }

    @Test
    void refusesAnInvertedRangeAndBadStepSizes() {
        assertThatThrownBy(() -> SearchSettings.defaults().withInitRange(7, 3))
                .isInstanceOf(FuzzException.class).hasMessageContaining("low <= high");
        assertThatThrownBy(() -> SearchSettings.defaults().withLearningRate(0))
                .isInstanceOf(FuzzException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> SearchSettings.defaults().withGradientClip(Double.NaN))
                .isInstanceOf(FuzzException.class).hasMessageContaining("gradient clip");
    }

    @Test
    void searchableNamesMustExistInTheModel() {
        Model model = SearchModels.model(Graph.builder()
                .input("x", SearchModels.type(DType.FLOAT32))
                .node(SearchModels.node("Relu", "y", "x"))
                .output("y", SearchModels.type(DType.FLOAT32)));
        assertThatThrownBy(() -> new GradientSearch().search(model, Set.of("x", "y"), SearchSettings.defaults(),
                new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'");
    }
}
