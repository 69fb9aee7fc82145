package dev.crest.fuzz.search;

import dev.crest.fuzz.FuzzException;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model prepared for searching: which values the search chooses (searchable names plus every required graph
 * input), which initializers stay fixed, and which nodes depend on a chosen value at all; a node that does not
 * can never be repaired by choosing values.
 */
final class SearchProblem {
    private final Model model;
    private final List<SearchedValue> searched;
    private final Map<String, Tensor> fixed;
    private final boolean[] dependsOnSearch;

    private SearchProblem(Model model, List<SearchedValue> searched, Map<String, Tensor> fixed,
            boolean[] dependsOnSearch) {
        this.model = model;
        this.searched = List.copyOf(searched);
        this.fixed = fixed;
        this.dependsOnSearch = dependsOnSearch;
    }

    /**
     * Prepares {@code model}; a name in {@code searchable} that is neither a graph input nor an initializer is a
     * programming error, a graph input without a concrete shape or an operator the interpreter cannot run a user
     * error.
     */
    static SearchProblem of(Model model, Set<String> searchable) {
        Interpreter.standard().check(model);
        Graph graph = model.graph();
        Map<String, ValueInfo> inputs = new LinkedHashMap<>();
        graph.inputs().forEach(in -> inputs.put(in.name(), in));
        for (String name : searchable) {
            if (!inputs.containsKey(name) && !graph.initializers().containsKey(name)) {
                throw new IllegalArgumentException("searchable value '" + name
                        + "' is neither a graph input nor an initializer of the model");
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        graph.requiredInputs().forEach(in -> chosen.add(in.name()));
        graph.inputs().stream().map(ValueInfo::name).filter(searchable::contains).forEach(chosen::add);
        graph.initializers().keySet().stream().filter(searchable::contains).forEach(chosen::add);

        List<SearchedValue> searched = new ArrayList<>();
        for (String name : chosen) {
            Tensor init = graph.initializers().get(name);
            ValueInfo in = inputs.get(name);
            if (in != null && !in.type().isFullyKnown() && init == null) {
                throw new FuzzException("model input '" + name + "' has type " + in.type()
                        + "; the input search needs concrete shapes");
            }
            searched.add(init != null ? new SearchedValue(name, init.dtype(), init.shape())
                    : new SearchedValue(name, in.type().dtype(), in.type().toShape()));
        }
        Map<String, Tensor> fixed = new LinkedHashMap<>(graph.initializers());
        fixed.keySet().removeAll(chosen);

        Set<String> dependent = new HashSet<>(chosen);
        List<Node> nodes = graph.nodes();
        boolean[] depends = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            depends[i] = nodes.get(i).inputs().stream().anyMatch(dependent::contains);
            if (depends[i]) {
                dependent.addAll(nodes.get(i).outputs());
            }
        }
        return new SearchProblem(model, searched, fixed, depends);
    }

    Model model() {
        return model;
    }

    List<Node> nodes() {
        return model.graph().nodes();
    }

    /** The values the search chooses, graph inputs first, in declaration order. */
    List<SearchedValue> searched() {
        return searched;
    }

    /** Initializers the search never changes, by name. */
    Map<String, Tensor> fixed() {
        return fixed;
    }

    /** True when node {@code index} reads, directly or through earlier nodes, a value the search chooses. */
    boolean dependsOnSearch(int index) {
        return dependsOnSearch[index];
    }

    /** {@code model} with the initializers named in {@code values} replaced by those values. */
    static Model withInitializers(Model model, Map<String, Tensor> values) {
        Graph graph = model.graph();
        Graph.Builder b = Graph.builder().name(graph.name());
        graph.inputs().forEach(b::input);
        graph.outputs().forEach(b::output);
        graph.initializers().forEach((name, value) -> b.initializer(name, values.getOrDefault(name, value)));
        graph.nodes().forEach(b::node);
        graph.valueInfos().forEach(b::valueInfo);
        return model.toBuilder().graph(b.build()).build();
    }
}
