package dev.crest.fuzz.search;

import static dev.crest.fuzz.search.SearchModels.full;
import static dev.crest.fuzz.search.SearchModels.iterations;
import static dev.crest.fuzz.search.SearchModels.model;
import static dev.crest.fuzz.search.SearchModels.node;
import static dev.crest.fuzz.search.SearchModels.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.tensor.DType;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingSearchTest {
    private static final DType F32 = DType.FLOAT32;
    private final SamplingSearch search = new SamplingSearch();

    @Test
    void acceptsTheFirstDrawWhenItIsFinite() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .node(node("Relu", "y", "x"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("x"), iterations(50), new SplittableRandom(1));

        assertThat(result.success()).isTrue();
        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.restarts()).isZero();
        assertThat(result.failingNodes()).isEmpty();
        for (double v : result.values().get("x").toDoubleArray()) {
            assertThat(v).isBetween(3.0, 7.0);
        }
    }

    /** Sqrt(x − w) over six elements: each draw succeeds with probability 1/64. */
    @Test
    void redrawsEverythingUntilAllValuesAreFinite() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("w", full(F32, 1))
                .node(node("Sub", "d", "x", "w"))
                .node(node("Sqrt", "y", "d"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("x", "w"), iterations(2000), new SplittableRandom(2));

        assertThat(result.success()).isTrue();
        assertThat(result.iterations()).isGreaterThan(1);
        assertThat(result.restarts()).isEqualTo(result.iterations() - 1);
        assertThat(result.failingNodes()).containsExactly("'y' (Sqrt)");
        double[] x = result.values().get("x").toDoubleArray();
        double[] w = result.values().get("w").toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i] - w[i]).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void spendsTheWholeIterationBudgetWhenNoDrawWorks() {
        Model model = GradientSearchTest.divisionByDifference();
        SearchSettings settings = iterations(25).withInitRange(5, 5);
        SearchResult result = search.search(model, Set.of("x", "a", "b"), settings, new SplittableRandom(3));

        assertThat(result.success()).isFalse();
        assertThat(result.iterations()).isEqualTo(25);
        assertThat(result.restarts()).isEqualTo(24);
        assertThat(result.nonFiniteNode()).contains("'q' (Div)");
    }

    @Test
    void stopsAtOnceWhenNoChosenValueReachesTheFailingNode() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("c", full(F32, 1))
                .node(node("Neg", "n", "c"))
                .node(node("Sqrt", "s", "n"))
                .node(node("Add", "y", "x", "s"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("x"), iterations(50), new SplittableRandom(4));

        assertThat(result.success()).isFalse();
        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.nonFiniteNode()).contains("'s' (Sqrt)");
    }
}
