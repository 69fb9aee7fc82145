package dev.crest.fuzz.reduce;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a model down to a subset of its nodes without changing what the kept nodes compute: a value a kept node
 * reads from a removed node becomes a fresh graph input of the same name and type, fed exactly the value the
 * reference interpreter computed for it in the original case. Graph inputs and initializers no kept node reads
 * disappear; a kept node's output stays observable as a graph output when it was one, or when it fed a removed
 * node (otherwise the kept node would be dead).
 *
 * <p>Fresh values become graph inputs rather than initializers on purpose: they were computed at run time in the
 * original model, and turning them into constants would let an optimizing backend fold the kept nodes away.
 */
final class SubgraphCut {
    private final Model model;
    private final Map<String, Tensor> originalInputs;
    private final Map<String, Tensor> traced;
    private final List<Node> nodes;
    private final Set<String> graphOutputs;

    /**
     * A cutter for {@code model} run on {@code inputs}, where {@code traced} holds every value the reference
     * computed (as {@link dev.crest.graph.interp.Interpreter#trace} returns them).
     */
    SubgraphCut(Model model, Map<String, Tensor> inputs, Map<String, Tensor> traced) {
        this.model = model;
        this.originalInputs = Map.copyOf(inputs);
        this.traced = traced;
        this.graphOutputs = new HashSet<>();
        model.graph().outputs().forEach(o -> graphOutputs.add(o.name()));
        this.nodes = liveNodes(model.graph(), graphOutputs);
    }

    /** The nodes that contribute to some graph output, in topological order; the others are dropped up front. */
    List<Node> nodes() {
        return nodes;
    }

    /** The model keeping only {@code kept} (a subset of {@link #nodes()}), with its inputs. */
    Candidate keep(Collection<Node> kept) {
        Set<Node> keptSet = new HashSet<>(kept);
        List<Node> keptNodes = nodes.stream().filter(keptSet::contains).toList();
        Set<String> produced = new HashSet<>();
        Set<String> read = new LinkedHashSet<>();
        for (Node node : keptNodes) {
            node.outputs().stream().filter(o -> !o.isEmpty()).forEach(produced::add);
            node.inputs().stream().filter(i -> !i.isEmpty()).forEach(read::add);
        }
        Set<String> readByRemoved = new HashSet<>();
        for (Node node : nodes) {
            if (!keptSet.contains(node)) {
                readByRemoved.addAll(node.inputs());
            }
        }

        Graph graph = model.graph();
        Graph.Builder b = Graph.builder().name(graph.name());
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        for (ValueInfo in : graph.inputs()) {
            if (read.contains(in.name())) {
                b.input(in);
                declared.add(in.name());
                if (originalInputs.containsKey(in.name())) {
                    inputs.put(in.name(), originalInputs.get(in.name()));
                }
            }
        }
        graph.initializers().forEach((name, value) -> {
            if (read.contains(name)) {
                b.initializer(name, value);
                declared.add(name);
            }
        });
        for (String name : read) {
            if (!declared.contains(name) && !produced.contains(name)) {
                Tensor value = traced.get(name);
                if (value == null) {
                    throw new IllegalStateException("the reference trace has no value '" + name + "'");
                }
                b.input(name, TensorType.of(value.dtype(), value.shape()));
                inputs.put(name, value);
            }
        }
        keptNodes.forEach(b::node);
        for (ValueInfo out : graph.outputs()) {
            if (produced.contains(out.name())) {
                b.output(out);
            }
        }
        for (Node node : keptNodes) {
            for (String out : node.outputs()) {
                if (!out.isEmpty() && !graphOutputs.contains(out) && !read.contains(out) && readByRemoved.contains(out)) {
                    Tensor value = traced.get(out);
                    b.output(out, TensorType.of(value.dtype(), value.shape()));
                }
            }
        }
        return new Candidate(model.toBuilder().graph(b.build()).build(), inputs);
    }

    private static List<Node> liveNodes(Graph graph, Set<String> outputs) {
        Set<String> needed = new HashSet<>(outputs);
        List<Node> live = new ArrayList<>();
        List<Node> all = graph.nodes();
        for (int i = all.size() - 1; i >= 0; i--) {
            Node node = all.get(i);
            if (node.outputs().stream().anyMatch(needed::contains)) {
                live.add(0, node);
                needed.addAll(node.inputs());
            }
        }
        return List.copyOf(live);
    }
}
