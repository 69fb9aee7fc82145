package dev.crest.fuzz.localize;

import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describes a node as a {@link LocalizedNode}: attributes as text, and its values' dtypes and shapes. */
final class NodeFacts {
    private static final int MAX_ATTRIBUTE_TEXT = 200;

    private NodeFacts() {
    }

    /**
     * The facts of {@code node} at {@code index}, with shapes from {@code values} (a run's values by name) where
     * present and otherwise from {@code types}.
     */
    static LocalizedNode of(Node node, int index, Map<String, Tensor> values, Map<String, TensorType> types) {
        Map<String, String> attributes = new LinkedHashMap<>();
        node.attributes().asMap().forEach((name, value) -> attributes.put(name, text(value)));
        return new LocalizedNode(index, node.name(), node.qualifiedOpType(), attributes,
                typed(node.inputs(), values, types), typed(node.outputs(), values, types));
    }

    private static List<TypedValue> typed(List<String> names, Map<String, Tensor> values,
            Map<String, TensorType> types) {
        List<TypedValue> typed = new ArrayList<>();
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            Tensor value = values.get(name);
            TensorType type = types.get(name);
            if (value != null) {
                typed.add(TypedValue.of(name, value));
            } else if (type != null) {
                List<Integer> shape = type.isFullyKnown()
                        ? Arrays.stream(type.toShape().dims()).boxed().toList() : null;
                typed.add(new TypedValue(name, type.dtype().displayName(), shape));
            } else {
                typed.add(new TypedValue(name, "?", null));
            }
        }
        return typed;
    }

    private static String text(Object value) {
        String text;
        if (value instanceof long[] longs) {
            text = Arrays.toString(longs);
        } else if (value instanceof double[] doubles) {
            text = Arrays.toString(doubles);
        } else if (value instanceof String[] strings) {
            text = Arrays.toString(strings);
        } else if (value instanceof Tensor tensor) {
            text = "tensor " + tensor.dtype().displayName() + tensor.shape()
                    + (tensor.size() <= 8 ? " " + Arrays.toString(tensor.toDoubleArray()) : "");
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_ATTRIBUTE_TEXT ? text.substring(0, MAX_ATTRIBUTE_TEXT) + "…" : text;
    }
}
