package dev.crest.graph;

import dev.crest.tensor.Attributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One operator application in a graph: an ONNX operator type (in a domain, the default one being
 * {@code ""}), the names of the values it reads and writes, and its attributes. An empty input or output name
 * marks an omitted optional input or output, as in ONNX. Immutable.
 */
public final class Node {
    /** The default ONNX operator domain. */
    public static final String DEFAULT_DOMAIN = "";

    private final String name;
    private final String opType;
    private final String domain;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Attributes attributes;

    private Node(Builder b) {
        if (b.opType == null || b.opType.isEmpty()) {
            throw new GraphException("node '" + b.name + "' has no operator type");
        }
        this.name = b.name == null ? "" : b.name;
        this.opType = b.opType;
        this.domain = normalizeDomain(b.domain);
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.attributes = b.attributes;
        if (outputs.stream().allMatch(String::isEmpty)) {
            throw new GraphException("node " + describe() + " has no outputs");
        }
    }

    /** Maps {@code ai.onnx}, ONNX's explicit name of the default domain, to {@code ""}. */
    public static String normalizeDomain(String domain) {
        return domain == null || domain.equals("ai.onnx") ? DEFAULT_DOMAIN : domain;
    }

    public static Builder builder(String opType) {
        return new Builder().opType(opType);
    }

    /** A node with the given op type, inputs and outputs, and no attributes; the name is the first output. */
    public static Node of(String opType, List<String> inputs, List<String> outputs) {
        return builder(opType).name(outputs.isEmpty() ? "" : outputs.get(0)).inputs(inputs).outputs(outputs).build();
    }

    /** The node's name; may be empty, as ONNX allows. */
    public String name() {
        return name;
    }

    public String opType() {
        return opType;
    }

    /** The operator's domain, {@code ""} for the default ONNX domain. */
    public String domain() {
        return domain;
    }

    /** The qualified operator type: {@code Conv}, or {@code com.example:MyOp} outside the default domain. */
    public String qualifiedOpType() {
        return domain.isEmpty() ? opType : domain + ":" + opType;
    }

    /** Input value names in ONNX order; {@code ""} marks an omitted optional input. */
    public List<String> inputs() {
        return inputs;
    }

    /** Output value names in ONNX order; {@code ""} marks an omitted optional output. */
    public List<String> outputs() {
        return outputs;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** A label for messages: {@code 'conv1' (Conv)}, or the first output when the node has no name. */
    public String describe() {
        String label = !name.isEmpty() ? name
                : outputs.stream().filter(o -> !o.isEmpty()).findFirst().map(o -> "producing " + o).orElse("?");
        return "'" + label + "' (" + qualifiedOpType() + ")";
    }

    /** A builder holding this node's fields, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder().name(name).opType(opType).domain(domain).inputs(inputs).outputs(outputs)
                .attributes(attributes);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Node)) {
            return false;
        }
        Node n = (Node) o;
        return name.equals(n.name) && opType.equals(n.opType) && domain.equals(n.domain) && inputs.equals(n.inputs)
                && outputs.equals(n.outputs) && attributes.equals(n.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, opType, domain, inputs, outputs, attributes);
    }

    @Override
    public String toString() {
        return describe() + " " + inputs + " -> " + outputs + (attributes.asMap().isEmpty() ? "" : " " + attributes);
    }

    /** Collects a node's fields. */
    public static final class Builder {
        private String name = "";
        private String opType;
        private String domain = DEFAULT_DOMAIN;
        private List<String> inputs = new ArrayList<>();
        private List<String> outputs = new ArrayList<>();
        private Attributes attributes = Attributes.empty();

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder opType(String opType) {
            this.opType = opType;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder inputs(List<String> inputs) {
            this.inputs = new ArrayList<>(inputs);
            return this;
        }

        public Builder inputs(String... inputs) {
            return inputs(Arrays.asList(inputs));
        }

        public Builder outputs(List<String> outputs) {
            this.outputs = new ArrayList<>(outputs);
            return this;
        }

        public Builder outputs(String... outputs) {
            return outputs(Arrays.asList(outputs));
        }

        public Builder attributes(Attributes attributes) {
            this.attributes = Objects.requireNonNull(attributes);
            return this;
        }

        public Node build() {
            return new Node(this);
        }
    }
}
