package dev.crest.fuzz.localize;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model rewritten so that every value a node computes is also a graph output, under its own name and with its
 * type, after the original outputs: running it shows each intermediate value, which is what localization compares.
 * Types come from the model's value infos; a model without them (hand-written, or reduced by a tool that dropped
 * them) gets them from one run of Crest's reference interpreter on the same inputs.
 *
 * @param original the model as tested
 * @param model the model with every intermediate exposed
 * @param bytes {@code model} as ONNX bytes, what the backends run
 * @param types the type of every node output
 */
public record ExposedModel(Model original, Model model, byte[] bytes, Map<String, TensorType> types) {

    /** Exposes every intermediate value of {@code model}, which runs on {@code inputs}. */
    public static ExposedModel of(Model model, Map<String, Tensor> inputs) {
        Graph graph = model.graph();
        Map<String, TensorType> declared = new HashMap<>();
        graph.valueInfos().forEach(v -> declared.put(v.name(), v.type()));
        graph.outputs().forEach(v -> declared.put(v.name(), v.type()));
        Map<String, TensorType> types = new LinkedHashMap<>();
        Map<String, Tensor> traced = null;
        for (Node node : graph.nodes()) {
            for (String out : node.outputs()) {
                if (out.isEmpty()) {
                    continue;
                }
                TensorType type = declared.get(out);
                if (type == null) {
                    if (traced == null) {
                        traced = Interpreter.standard().trace(model, inputs).values();
                    }
                    Tensor value = traced.get(out);
                    if (value == null) {
                        throw new IllegalStateException("the reference interpreter computed no value '" + out + "'");
                    }
                    type = TensorType.of(value.dtype(), value.shape());
                }
                types.put(out, type);
            }
        }
        Graph.Builder exposed = graph.toBuilder().clearOutputs();
        Set<String> outputs = new HashSet<>();
        for (ValueInfo out : graph.outputs()) {
            exposed.output(out);
            outputs.add(out.name());
        }
        types.forEach((name, type) -> {
            if (outputs.add(name)) {
                exposed.output(name, type);
            }
        });
        Graph rebuilt = withoutValueInfos(exposed.build(), outputs);
        Model exposedModel = model.toBuilder().graph(rebuilt).build();
        return new ExposedModel(model, exposedModel, OnnxModels.toBytes(exposedModel), types);
    }

    /** The original model's nodes, in topological order. */
    public List<Node> nodes() {
        return original.graph().nodes();
    }

    /** A value that is now a graph output keeps no separate value info (ONNX checkers flag the duplicate). */
    private static Graph withoutValueInfos(Graph graph, Set<String> outputs) {
        List<ValueInfo> kept = new ArrayList<>();
        for (ValueInfo info : graph.valueInfos()) {
            if (!outputs.contains(info.name())) {
                kept.add(info);
            }
        }
        Graph.Builder b = Graph.builder().name(graph.name());
        graph.inputs().forEach(b::input);
        graph.outputs().forEach(b::output);
        graph.initializers().forEach(b::initializer);
        graph.nodes().forEach(b::node);
        kept.forEach(b::valueInfo);
        return b.build();
    }
}
