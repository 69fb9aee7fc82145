package dev.crest.fuzz.search;

import dev.crest.graph.Model;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an {@link InputSearch} on one model: the last values it tried for every searched input and
 * weight, whether the reference interpreter found every intermediate finite with them, and what the search cost.
 *
 * @param values searched values by name (graph inputs and searchable initializers), in the model's declared dtypes
 * @param success true when the reference interpreter computed only finite values with {@link #values}
 * @param iterations forward evaluations made
 * @param restarts times the search drew all values afresh after the first draw
 * @param failingNodes the nodes the search met failing, in order ({@link dev.crest.graph.Node#describe()}), a node
 *     listed again only after another one failed in between; the gradient search restarts Adam at each change
 * @param nonFiniteNode when not successful, the first node (as {@link dev.crest.graph.Node#describe()}) whose
 *     output held NaN or infinity with the final values, or whose kernel failed
 * @param elapsed wall-clock time the search took
 */
public record SearchResult(Map<String, Tensor> values, boolean success, int iterations, int restarts,
        List<String> failingNodes, Optional<String> nonFiniteNode, Duration elapsed) {
    public SearchResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        failingNodes = List.copyOf(failingNodes);
        Objects.requireNonNull(nonFiniteNode, "nonFiniteNode");
        Objects.requireNonNull(elapsed, "elapsed");
        if (success && nonFiniteNode.isPresent()) {
            throw new IllegalArgumentException("a successful search has no non-finite node");
        }
    }

    /** The values to feed as graph inputs of {@code model} (the searched ones that are declared inputs). */
    public Map<String, Tensor> inputs(Model model) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (ValueInfo in : model.graph().inputs()) {
            Tensor t = values.get(in.name());
            if (t != null) {
                inputs.put(in.name(), t);
            }
        }
        return inputs;
    }

    /** {@code model} with its searched initializers (weights) replaced by the values found. */
    public Model withWeights(Model model) {
        return SearchProblem.withInitializers(model, values);
    }
}
