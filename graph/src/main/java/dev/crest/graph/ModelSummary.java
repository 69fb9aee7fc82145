package dev.crest.graph;

import dev.crest.tensor.Tensor;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code crest model info} shows about a model: its declared inputs and outputs, how often each operator
 * occurs, and the size of its parameters (the initializers).
 *
 * @param producer producer name and version, e.g. {@code pytorch 2.1}
 * @param irVersion ONNX IR version
 * @param opsets operator set versions by domain ({@code ""} is the default ONNX domain)
 * @param inputs the inputs a caller supplies (those without an initializer default)
 * @param outputs the graph outputs
 * @param operatorCounts number of nodes per qualified operator type, sorted by name
 * @param nodeCount total number of nodes
 * @param initializerCount number of initializers
 * @param parameterCount total elements over all initializers
 * @param parameterBytes total bytes of those elements at their dtype's width
 */
public record ModelSummary(String producer, long irVersion, Map<String, Long> opsets, List<ValueInfo> inputs,
        List<ValueInfo> outputs, Map<String, Integer> operatorCounts, int nodeCount, int initializerCount,
        long parameterCount, long parameterBytes) {

    public ModelSummary {
        opsets = Collections.unmodifiableMap(new TreeMap<>(opsets));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        operatorCounts = Collections.unmodifiableMap(new TreeMap<>(operatorCounts));
    }

    /** Summarizes {@code model}. */
    public static ModelSummary of(Model model) {
        Graph graph = model.graph();
        Map<String, Integer> counts = new TreeMap<>();
        for (Node node : graph.nodes()) {
            counts.merge(node.qualifiedOpType(), 1, Integer::sum);
        }
        long params = 0;
        long bytes = 0;
        for (Tensor t : graph.initializers().values()) {
            params += t.size();
            bytes += (long) t.size() * t.dtype().byteSize();
        }
        String producer = (model.producerName() + " " + model.producerVersion()).trim();
        return new ModelSummary(producer, model.irVersion(), model.opsetImports(), graph.requiredInputs(),
                graph.outputs(), counts, graph.nodes().size(), graph.initializers().size(), params, bytes);
    }

    /** A plain-text rendering for the terminal, one fact per line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("producer:    ").append(producer.isEmpty() ? "(unknown)" : producer).append('\n');
        sb.append("ir version:  ").append(irVersion).append('\n');
        sb.append("opsets:     ");
        opsets.forEach((domain, version) -> sb.append(' ').append(domain.isEmpty() ? "ai.onnx" : domain).append('=')
                .append(version));
        sb.append('\n');
        sb.append("inputs:\n");
        inputs.forEach(v -> sb.append("  ").append(v).append('\n'));
        sb.append("outputs:\n");
        outputs.forEach(v -> sb.append("  ").append(v).append('\n'));
        sb.append("operators (").append(nodeCount).append(" nodes):\n");
        operatorCounts.forEach((op, n) -> sb.append("  ").append(op).append(": ").append(n).append('\n'));
        sb.append("parameters:  ").append(parameterCount).append(" in ").append(initializerCount)
                .append(" initializers, ").append(parameterBytes).append(" bytes\n");
        return sb.toString();
    }
}
