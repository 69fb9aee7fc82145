package dev.crest.fuzz.localize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The node a finding was localized to, as a user needs it to write a bug report: where it sits in the model, its
 * operator and attributes, and the types of what it reads and writes.
 *
 * @param index the node's position in the model's topological order (0-based)
 * @param name the node's name (may be empty)
 * @param operator the operator type, domain-qualified outside the default domain ({@code com.microsoft.Gelu})
 * @param attributes each attribute as text, in the node's order
 * @param inputs the node's inputs (empty names for omitted optional inputs are left out)
 * @param outputs the node's outputs
 */
public record LocalizedNode(int index, String name, String operator, Map<String, String> attributes,
        List<TypedValue> inputs, List<TypedValue> outputs) {
    public LocalizedNode {
        Objects.requireNonNull(name);
        Objects.requireNonNull(operator);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** {@code Conv 'n3' (node 4)}. */
    public String describe() {
        return operator + (name.isEmpty() ? "" : " '" + name + "'") + " (node " + (index + 1) + ")";
    }
}
