package dev.crest.fuzz.localize;

import dev.crest.fuzz.diff.Finding;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Localizes a crash or exception by the node its error message names: ONNX Runtime writes
 * {@code "... while running Conv node. Name:'n3' ..."}, Crest's interpreter {@code "node 'n3' (Conv) failed"};
 * any quoted name equal to a node's name counts, the first such name in the message wins.
 */
final class ErrorMessageNode {
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"");

    private ErrorMessageNode() {
    }

    /** The localization of {@code finding} when its message or log names a node of {@code model}. */
    static Optional<Localization> find(Model model, Finding finding) {
        Graph graph = model.graph();
        Map<String, Integer> byName = new HashMap<>();
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).name().isEmpty()) {
                byName.putIfAbsent(nodes.get(i).name(), i);
            }
        }
        for (String text : List.of(finding.message(), finding.errorLog())) {
            Matcher m = QUOTED.matcher(text);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                Integer index = byName.get(name);
                if (index != null) {
                    LocalizedNode node = NodeFacts.of(nodes.get(index), index, Map.of(), declaredTypes(graph));
                    return Optional.of(new Localization(Localization.ERROR_MESSAGE, finding.backend(), "", node,
                            null, 0, 0, "", null, null, ""));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, TensorType> declaredTypes(Graph graph) {
        Map<String, TensorType> types = new HashMap<>();
        graph.inputs().forEach(v -> types.put(v.name(), v.type()));
        graph.valueInfos().forEach(v -> types.put(v.name(), v.type()));
        graph.outputs().forEach(v -> types.put(v.name(), v.type()));
        graph.initializers().forEach((name, t) -> types.put(name, TensorType.of(t.dtype(), t.shape())));
        return types;
    }
}
