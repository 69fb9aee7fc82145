package dev.crest.fuzz.search;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.interp.Execution;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.time.Duration;

/** Hand-built models and settings shared by the search tests. */
final class SearchModels {
    /** A shape small enough to keep the tests fast and large enough that draws differ per element. */
    static final Shape SHAPE = Shape.of(2, 3);

    private SearchModels() {
    }

    /** Deterministic settings: an iteration cap and a time budget no test run comes near. */
    static SearchSettings iterations(int maxIterations) {
        return SearchSettings.defaults().withBudget(Duration.ofMinutes(5)).withMaxIterations(maxIterations);
    }

    static TensorType type(DType dtype) {
        return TensorType.of(dtype, SHAPE);
    }

    static Tensor full(DType dtype, double value) {
        return Tensor.full(dtype, SHAPE, value);
    }

    static Node node(String opType, String output, String... inputs) {
        return Node.builder(opType).name(output).inputs(inputs).outputs(output).build();
    }

    static Model model(Graph.Builder graph) {
        return Model.of(graph.build());
    }

    /** Every value the reference interpreter computes with the result's inputs and weights. */
    static Execution trace(Model model, SearchResult result) {
        Model searched = result.withWeights(model);
        return Interpreter.standard().trace(searched, result.inputs(searched));
    }

    /** True when every float value of the traced run is finite. */
    static boolean allFinite(Execution run) {
        return run.values().values().stream().allMatch(SearchModels::finite);
    }

    static boolean finite(Tensor t) {
        if (!t.dtype().isFloat()) {
            return true;
        }
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.getDouble(i))) {
                return false;
            }
        }
        return true;
    }
}
