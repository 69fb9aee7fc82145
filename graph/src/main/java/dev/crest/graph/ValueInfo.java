package dev.crest.graph;

/**
 * A named, typed graph value: a graph input or output, or an annotated intermediate.
 *
 * @param name the value's name, unique in its graph
 * @param type its declared type
 */
public record ValueInfo(String name, TensorType type) {
    public ValueInfo {
        if (name == null || name.isEmpty()) {
            throw new GraphException("a graph input or output needs a non-empty name");
        }
        if (type == null) {
            throw new GraphException("value '" + name + "' needs a type");
        }
    }

    public static ValueInfo of(String name, TensorType type) {
        return new ValueInfo(name, type);
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
