package dev.crest.fuzz.localize;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.diff.Comparison;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-runs a localized node alone, as a one-node model fed with the reference's values of its inputs (initializers
 * stay initializers), on both runs of the pair. When the node alone agrees, the divergence did not come from the
 * operator but from the values the engine fed it inside the model: typically float16 values it kept at float32
 * precision between operators, which the exposed graph outputs (rounded separately) do not show.
 */
public final class IsolatedNode {
    private IsolatedNode() {
    }

    /**
     * Whether the node alone still diverges between {@code actual} and {@code expected}; empty when it cannot be
     * run alone (a value is missing, or a run fails).
     */
    public static Optional<Boolean> diverges(BackendExecutor executor, Tolerance tolerance, Model original, Node node,
            Map<String, Tensor> referenceValues, Set<String> float16Computed, String actual, String expected) {
        Map<String, Tensor> initializers = original.graph().initializers();
        Graph.Builder graph = Graph.builder().name("isolated");
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        Set<String> added = new HashSet<>();
        for (String in : node.inputs()) {
            if (in.isEmpty() || !added.add(in)) {
                continue;
            }
            Tensor value = referenceValues.get(in);
            if (value == null) {
                return Optional.empty();
            }
            if (initializers.containsKey(in) && !isGraphInput(original, in)) {
                graph.initializer(in, value);
            } else {
                graph.input(in, TensorType.of(value.dtype(), value.shape()));
                feeds.put(in, value);
            }
        }
        graph.node(node);
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        for (String out : node.outputs()) {
            Tensor value = referenceValues.get(out);
            if (out.isEmpty() || value == null) {
                continue;
            }
            graph.output(out, TensorType.of(value.dtype(), value.shape()));
            outputs.put(out, value);
        }
        if (outputs.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = OnnxModels.toBytes(original.toBuilder().graph(graph.build()).build());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        RunOutcome a = executor.execute(actual, bytes, feeds);
        RunOutcome e = executor.execute(expected, bytes, feeds);
        if (!a.succeeded() || !e.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(!Comparison.whereReferenceFinite(a.outputs(), e.outputs(), referenceValues, tolerance,
                float16Computed).agrees());
    }

    private static boolean isGraphInput(Model model, String name) {
        return model.graph().inputs().stream().anyMatch(v -> v.name().equals(name));
    }
}
