package dev.crest.graph;

import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A computation graph: typed inputs and outputs, constant initializers, and nodes in topological order.
 * Immutable and valid by construction: every value a node or output uses is defined exactly once (by a graph
 * input, an initializer, or one node output), and the nodes have no cycle. Nodes given out of order are
 * sorted topologically, keeping the given order among independent nodes.
 *
 * <p>As in ONNX, an initializer may share its name with a graph input; it then serves as that input's default.
 */
public final class Graph {
    private final String name;
    private final List<ValueInfo> inputs;
    private final List<ValueInfo> outputs;
    private final Map<String, Tensor> initializers;
    private final List<Node> nodes;
    private final List<ValueInfo> valueInfos;

    private Graph(Builder b) {
        this.name = b.name;
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.initializers = Collections.unmodifiableMap(new LinkedHashMap<>(b.initializers));
        this.valueInfos = List.copyOf(b.valueInfos);
        this.nodes = List.copyOf(validateAndSort(b.nodes));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    /** Declared inputs in order, including those that have an initializer as default. */
    public List<ValueInfo> inputs() {
        return inputs;
    }

    /** The inputs a caller must supply: those without an initializer of the same name. */
    public List<ValueInfo> requiredInputs() {
        return inputs.stream().filter(i -> !initializers.containsKey(i.name())).collect(Collectors.toList());
    }

    public List<ValueInfo> outputs() {
        return outputs;
    }

    /** Constant tensors by name, in declaration order. */
    public Map<String, Tensor> initializers() {
        return initializers;
    }

    /** Nodes in topological order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Type annotations for intermediate values, as ONNX's {@code value_info}; informative only. */
    public List<ValueInfo> valueInfos() {
        return valueInfos;
    }

    /** A builder holding this graph's fields, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = builder().name(name);
        inputs.forEach(b::input);
        outputs.forEach(b::output);
        initializers.forEach(b::initializer);
        nodes.forEach(b::node);
        valueInfos.forEach(b::valueInfo);
        return b;
    }

    private List<Node> validateAndSort(List<Node> given) {
        Map<String, String> definedBy = new HashMap<>();
        Set<String> seenInputs = new HashSet<>();
        for (ValueInfo in : inputs) {
            if (!seenInputs.add(in.name())) {
                throw new GraphException("graph input '" + in.name() + "' is declared twice");
            }
            definedBy.put(in.name(), "graph input");
        }
        for (Map.Entry<String, Tensor> e : initializers.entrySet()) {
            ValueInfo declared = inputs.stream().filter(i -> i.name().equals(e.getKey())).findFirst().orElse(null);
            if (declared != null && declared.type().dtype() != e.getValue().dtype()) {
                throw new GraphException("initializer '" + e.getKey() + "' is " + e.getValue().dtype().displayName()
                        + " but the graph input of that name is declared " + declared.type());
            }
            definedBy.putIfAbsent(e.getKey(), "initializer");
        }
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Node node = given.get(i);
            Set<String> own = new HashSet<>();
            for (String out : node.outputs()) {
                if (out.isEmpty()) {
                    continue;
                }
                if (!own.add(out)) {
                    throw new GraphException("node " + node.describe() + " lists output '" + out + "' twice");
                }
                String previous = definedBy.putIfAbsent(out, "node " + node.describe());
                if (previous != null) {
                    throw new GraphException("value '" + out + "' is defined twice: by " + previous + " and by node "
                            + node.describe());
                }
                producer.put(out, i);
            }
        }
        for (Node node : given) {
            for (String in : node.inputs()) {
                if (!in.isEmpty() && !definedBy.containsKey(in)) {
                    throw new GraphException("node " + node.describe() + " uses value '" + in
                            + "', which no graph input, initializer or node defines");
                }
            }
        }
        Set<String> seenOutputs = new HashSet<>();
        for (ValueInfo out : outputs) {
            if (!definedBy.containsKey(out.name())) {
                throw new GraphException("graph output '" + out.name()
                        + "' is not defined by any graph input, initializer or node");
            }
            if (!seenOutputs.add(out.name())) {
                throw new GraphException("graph output '" + out.name() + "' is declared twice");
            }
        }
        return topologicalOrder(given, producer);
    }

    /** Kahn's algorithm, always taking the earliest ready node so an already sorted list stays unchanged. */
    private static List<Node> topologicalOrder(List<Node> given, Map<String, Integer> producer) {
        int n = given.size();
        int[] pending = new int[n];
        List<List<Integer>> consumers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            consumers.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (String in : new HashSet<>(given.get(i).inputs())) {
                Integer p = producer.get(in);
                if (p != null) {
                    pending[i]++;
                    consumers.get(p).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Node> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(given.get(i));
            for (int c : consumers.get(i)) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() < n) {
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    stuck.add(given.get(i).describe());
                }
            }
            throw new GraphException("graph has a cycle among nodes " + String.join(", ", stuck));
        }
        return order;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Graph)) {
            return false;
        }
        Graph g = (Graph) o;
        if (!name.equals(g.name) || !inputs.equals(g.inputs) || !outputs.equals(g.outputs) || !nodes.equals(g.nodes)
                || !valueInfos.equals(g.valueInfos) || !initializers.keySet().equals(g.initializers.keySet())) {
            return false;
        }
        for (Map.Entry<String, Tensor> e : initializers.entrySet()) {
            if (!e.getValue().sameAs(g.initializers.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, inputs, outputs, nodes, initializers.keySet());
    }

    @Override
    public String toString() {
        return "graph '" + name + "' (" + inputs.size() + " inputs, " + outputs.size() + " outputs, " + nodes.size()
                + " nodes, " + initializers.size() + " initializers)";
    }

    /** Collects a graph's parts; {@link #build()} validates them. */
    public static final class Builder {
        private String name = "main";
        private final List<ValueInfo> inputs = new ArrayList<>();
        private final List<ValueInfo> outputs = new ArrayList<>();
        private final Map<String, Tensor> initializers = new LinkedHashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<ValueInfo> valueInfos = new ArrayList<>();

        public Builder name(String name) {
            this.name = name == null ? "" : name;
            return this;
        }

        public Builder input(ValueInfo input) {
            inputs.add(Objects.requireNonNull(input));
            return this;
        }

        public Builder input(String name, TensorType type) {
            return input(ValueInfo.of(name, type));
        }

        public Builder output(ValueInfo output) {
            outputs.add(Objects.requireNonNull(output));
            return this;
        }

        public Builder output(String name, TensorType type) {
            return output(ValueInfo.of(name, type));
        }

        public Builder initializer(String name, Tensor value) {
            if (name == null || name.isEmpty()) {
                throw new GraphException("an initializer needs a non-empty name");
            }
            if (initializers.putIfAbsent(name, Objects.requireNonNull(value)) != null) {
                throw new GraphException("initializer '" + name + "' is declared twice");
            }
            return this;
        }

        public Builder node(Node node) {
            nodes.add(Objects.requireNonNull(node));
            return this;
        }

        public Builder valueInfo(ValueInfo info) {
            valueInfos.add(Objects.requireNonNull(info));
            return this;
        }

        /** Removes every output, e.g. to re-declare them. */
        public Builder clearOutputs() {
            outputs.clear();
            return this;
        }

        public Graph build() {
            return new Graph(this);
        }
    }
}
