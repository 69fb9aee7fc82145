package dev.crest.fuzz.reduce;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Shrinks the tensors a reduced model is fed, after its nodes: each proposal cuts the leading block out of some
 * required inputs and float initializers (integer initializers are operator constants such as shapes and axes,
 * and stay). Proposals first shrink every dimension of one size at once, in all tensors (the sizes an operator
 * ties together, such as a shared channel count, usually agree), to 1 and then to half; then each dimension of
 * each tensor alone. The operator specs' constraints are not consulted: the reference interpreter validates each
 * proposal as the candidate is tested, and proposals it rejects are simply not taken. The first accepted
 * proposal becomes the new starting point, until no proposal is accepted or the time runs out.
 */
final class ShapeShrinker {
    private final Predicate<Candidate> accept;
    private final BooleanSupplier outOfTime;
    private final Set<Map<String, List<Integer>>> tried = new HashSet<>();
    private boolean cutShort;

    /** A shrinker keeping proposals {@code accept} takes, stopping once {@code outOfTime} says so. */
    ShapeShrinker(Predicate<Candidate> accept, BooleanSupplier outOfTime) {
        this.accept = accept;
        this.outOfTime = outOfTime;
    }

    /** The smallest candidate reached from {@code start}, which is assumed to be accepted. */
    Candidate shrink(Candidate start) {
        Candidate current = start;
        boolean progress = true;
        while (progress) {
            progress = false;
            Map<String, Tensor> tensors = shrinkable(current);
            for (Map<String, int[]> proposal : proposals(tensors)) {
                Map<String, List<Integer>> key = new LinkedHashMap<>();
                proposal.forEach((name, extents) -> key.put(name, Arrays.stream(extents).boxed().toList()));
                tensors.forEach((name, t) -> key.putIfAbsent(name, Arrays.stream(t.shape().dims()).boxed().toList()));
                if (!tried.add(key)) {
                    continue;
                }
                if (outOfTime.getAsBoolean()) {
                    cutShort = true;
                    return current;
                }
                Candidate next = apply(current, tensors, proposal);
                if (accept.test(next)) {
                    current = next;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** True when the time ran out while proposals were left. */
    boolean cutShort() {
        return cutShort;
    }

    /** The tensors proposals may cut: required inputs and float initializers, by name. */
    private static Map<String, Tensor> shrinkable(Candidate candidate) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (ValueInfo in : candidate.model().graph().requiredInputs()) {
            tensors.put(in.name(), candidate.inputs().get(in.name()));
        }
        candidate.model().graph().initializers().forEach((name, t) -> {
            if (t.dtype().isFloat()) {
                tensors.put(name, t);
            }
        });
        return tensors;
    }

    /** Proposals as new extents for the tensors they change, largest cuts first. */
    private static List<Map<String, int[]>> proposals(Map<String, Tensor> tensors) {
        List<Map<String, int[]>> proposals = new ArrayList<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        tensors.values().forEach(t -> Arrays.stream(t.shape().dims()).filter(d -> d > 1).forEach(sizes::add));
        for (int size : sizes.descendingSet()) {
            for (int target : targets(size)) {
                Map<String, int[]> proposal = new LinkedHashMap<>();
                tensors.forEach((name, t) -> {
                    int[] extents = t.shape().dims().clone();
                    boolean changed = false;
                    for (int axis = 0; axis < extents.length; axis++) {
                        if (extents[axis] == size) {
                            extents[axis] = target;
                            changed = true;
                        }
                    }
                    if (changed) {
                        proposal.put(name, extents);
                    }
                });
                proposals.add(proposal);
            }
        }
        tensors.forEach((name, t) -> {
            int[] dims = t.shape().dims();
            for (int axis = 0; axis < dims.length; axis++) {
                for (int target : targets(dims[axis])) {
                    int[] extents = dims.clone();
                    extents[axis] = target;
                    Map<String, int[]> proposal = new LinkedHashMap<>();
                    proposal.put(name, extents);
                    proposals.add(proposal);
                }
            }
        });
        return proposals;
    }

    private static List<Integer> targets(int size) {
        if (size <= 1) {
            return List.of();
        }
        int half = (size + 1) / 2;
        return half > 1 && half < size ? List.of(1, half) : List.of(1);
    }

    private static Candidate apply(Candidate current, Map<String, Tensor> tensors, Map<String, int[]> proposal) {
        Graph graph = current.model().graph();
        Map<String, Tensor> cut = new LinkedHashMap<>();
        proposal.forEach((name, extents) -> cut.put(name, TensorSlicer.leading(tensors.get(name), extents)));
        Graph.Builder b = Graph.builder().name(graph.name());
        for (ValueInfo in : graph.inputs()) {
            Tensor t = cut.get(in.name());
            b.input(t == null ? in : ValueInfo.of(in.name(), TensorType.of(t.dtype(), t.shape())));
        }
        graph.initializers().forEach((name, t) -> b.initializer(name, cut.getOrDefault(name, t)));
        graph.nodes().forEach(b::node);
        graph.outputs().forEach(b::output);
        Map<String, Tensor> inputs = new LinkedHashMap<>(current.inputs());
        cut.forEach((name, t) -> inputs.computeIfPresent(name, (n, old) -> t));
        Model model = current.model().toBuilder().graph(b.build()).build();
        return new Candidate(model, inputs);
    }
}
