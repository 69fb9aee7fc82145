package dev.crest.fuzz.gen;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.fuzz.gen.SymbolicGraph.Proposal;
import dev.crest.fuzz.gen.SymbolicGraph.Value;
import dev.crest.fuzz.spec.OpInstance;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.Signature;
import dev.crest.fuzz.spec.SpecContext;
import dev.crest.fuzz.spec.SymbolicType;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Proposes one node at a time, in either of NNSmith's directions: forward (the node reads values already in the
 * graph) or backward (the node's output replaces a placeholder). Unlike NNSmith, a backward node also reuses
 * existing values for its inputs where dtype and rank fit and no cycle arises, instead of always creating fresh
 * placeholders, and a forward node may take a fresh placeholder for an input no existing value fits. A proposal
 * carries the constraints the solver must accept; nothing changes until the caller commits it.
 */
final class Inserter {
    /** Chance that a forward node's non-anchor input reuses a fitting value rather than a fresh placeholder. */
    private static final double FORWARD_REUSE = 0.75;
    /** Chance that a backward node's input reuses a fitting value rather than a fresh placeholder. */
    private static final double BACKWARD_REUSE = 0.5;
    /** Rank combinations tried before a backward proposal gives up matching the placeholder's rank. */
    private static final int BACKWARD_RANK_TRIES = 4;

    private final SpecContext context;
    private final SymbolicGraph graph;
    private final RankTuples rankTuples;
    private final long maxElements;
    private final SplittableRandom random;

    Inserter(SpecContext context, SymbolicGraph graph, RankTuples rankTuples, long maxElements) {
        this.context = context;
        this.graph = graph;
        this.rankTuples = rankTuples;
        this.maxElements = maxElements;
        this.random = context.random();
    }

    /**
     * The graph's first placeholder, typed as one input of {@code spec} (a dtype and rank it accepts), so the
     * first insertion can succeed; empty when the spec accepts no input rank within the limit.
     */
    Optional<Value> startingPlaceholder(OpSpec spec) {
        int count = pick(spec.inputCounts());
        List<int[]> tuples = rankTuples.of(spec, count);
        List<Signature> signatures = spec.signatures(count);
        if (tuples.isEmpty() || signatures.isEmpty() || count == 0) {
            return Optional.empty();
        }
        int[] ranks = tuples.get(random.nextInt(tuples.size()));
        Signature signature = signatures.get(random.nextInt(signatures.size()));
        int slot = random.nextInt(count);
        DType dtype = signature.inputs().get(slot);
        return Optional.of(placeholder(graph.nextValueId(), dtype, ranks[slot], new ArrayList<>()));
    }

    /** The constraints of a placeholder made by {@link #startingPlaceholder}: dims at least 1, bounded size. */
    List<BoolExpr> placeholderConstraints(Value placeholder) {
        return shapeLimits(placeholder.type().dims());
    }

    /** A node reading an existing value (the anchor) and, where dtype and rank fit, other existing values. */
    Optional<Proposal> forward(OpSpec spec) {
        List<Value> values = graph.values();
        Value anchor = values.get(random.nextInt(values.size()));
        int count = pick(spec.inputCounts());
        if (count == 0) {
            return Optional.empty();
        }
        List<int[]> fits = new ArrayList<>(); // {signature index, input slot} pairs the anchor fits
        List<Signature> signatures = spec.signatures(count);
        for (int s = 0; s < signatures.size(); s++) {
            for (int slot = 0; slot < count; slot++) {
                if (signatures.get(s).inputs().get(slot) == anchor.type().dtype()) {
                    fits.add(new int[] {s, slot});
                }
            }
        }
        if (fits.isEmpty()) {
            return Optional.empty();
        }
        int[] fit = fits.get(random.nextInt(fits.size()));
        Signature signature = signatures.get(fit[0]);
        int slot = fit[1];
        List<int[]> tuples = rankTuples.of(spec, count).stream().filter(t -> t[slot] == anchor.type().rank()).toList();
        if (tuples.isEmpty()) {
            return Optional.empty();
        }
        int[] ranks = tuples.get(random.nextInt(tuples.size()));
        ProposalBuilder proposal = new ProposalBuilder();
        for (int i = 0; i < count; i++) {
            if (i == slot) {
                proposal.reuse(anchor);
                continue;
            }
            List<Value> fitting = fitting(signature.inputs().get(i), ranks[i], Set.of());
            if (!fitting.isEmpty() && random.nextDouble() < FORWARD_REUSE) {
                proposal.reuse(fitting.get(random.nextInt(fitting.size())));
            } else {
                proposal.freshInput(signature.inputs().get(i), ranks[i]);
            }
        }
        OpInstance instance = spec.instantiate(context, signature, ranks);
        List<SymbolicType> inputs = proposal.inputTypes();
        proposal.constraints.addAll(instance.requires(inputs));
        for (SymbolicType output : instance.outputTypes(inputs)) {
            proposal.freshOutput(output);
        }
        return Optional.of(proposal.build(instance, Insertion.FORWARD));
    }

    /**
     * A node whose output replaces a placeholder; its inputs are fresh placeholders or existing values that do
     * not depend on the placeholder.
     */
    Optional<Proposal> backward(OpSpec spec) {
        List<Value> placeholders = graph.placeholders();
        if (placeholders.isEmpty()) {
            return Optional.empty();
        }
        Value target = placeholders.get(random.nextInt(placeholders.size()));
        int count = pick(spec.inputCounts());
        List<int[]> fits = new ArrayList<>(); // {signature index, output position} pairs producing the dtype
        List<Signature> signatures = spec.signatures(count);
        for (int s = 0; s < signatures.size(); s++) {
            for (int k = 0; k < signatures.get(s).outputs().size(); k++) {
                if (signatures.get(s).outputs().get(k) == target.type().dtype()) {
                    fits.add(new int[] {s, k});
                }
            }
        }
        List<int[]> tuples = rankTuples.of(spec, count);
        if (fits.isEmpty() || tuples.isEmpty()) {
            return Optional.empty();
        }
        int[] fit = fits.get(random.nextInt(fits.size()));
        Signature signature = signatures.get(fit[0]);
        int position = fit[1];
        Set<Integer> downstream = graph.descendants(target.id());
        for (int attempt = 0; attempt < BACKWARD_RANK_TRIES; attempt++) {
            int[] ranks = tuples.get(random.nextInt(tuples.size()));
            ProposalBuilder proposal = new ProposalBuilder();
            for (int i = 0; i < count; i++) {
                List<Value> fitting = fitting(signature.inputs().get(i), ranks[i], downstream);
                if (!fitting.isEmpty() && random.nextDouble() < BACKWARD_REUSE) {
                    proposal.reuse(fitting.get(random.nextInt(fitting.size())));
                } else {
                    proposal.freshInput(signature.inputs().get(i), ranks[i]);
                }
            }
            OpInstance instance = spec.instantiate(context, signature, ranks);
            List<SymbolicType> inputs = proposal.inputTypes();
            List<SymbolicType> outputs = instance.outputTypes(inputs);
            if (position >= outputs.size() || outputs.get(position).rank() != target.type().rank()
                    || outputs.get(position).dtype() != target.type().dtype()) {
                continue;
            }
            proposal.constraints.addAll(instance.requires(inputs));
            for (int j = 0; j < outputs.size(); j++) {
                if (j == position) {
                    proposal.replace(target, outputs.get(j));
                } else {
                    proposal.freshOutput(outputs.get(j));
                }
            }
            return Optional.of(proposal.build(instance, Insertion.BACKWARD));
        }
        return Optional.empty();
    }

    private List<Value> fitting(DType dtype, int rank, Set<Integer> excluded) {
        return graph.values().stream()
                .filter(v -> v.type().dtype() == dtype && v.type().rank() == rank && !excluded.contains(v.id()))
                .toList();
    }

    private int pick(int[] choices) {
        return choices.length == 0 ? 0 : choices[random.nextInt(choices.length)];
    }

    private Value placeholder(int id, DType dtype, int rank, List<BoolExpr> constraints) {
        List<ArithExpr<IntSort>> dims = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            dims.add(context.fresh("v" + id + "_d" + i));
        }
        constraints.addAll(shapeLimits(dims));
        return new Value(id, new SymbolicType(dtype, dims));
    }

    /** Every dimension at least 1 and at most {@code maxElements} elements in all. */
    private List<BoolExpr> shapeLimits(List<ArithExpr<IntSort>> dims) {
        List<BoolExpr> limits = new ArrayList<>();
        for (ArithExpr<IntSort> dim : dims) {
            limits.add(context.ge(dim, 1));
        }
        if (!dims.isEmpty()) {
            limits.add(context.le(context.product(dims), maxElements));
        }
        return limits;
    }

    /** Collects one proposal's inputs, fresh values, outputs and constraints. */
    private final class ProposalBuilder {
        private final List<Value> freshValues = new ArrayList<>();
        private final List<Value> inputs = new ArrayList<>();
        private final List<Integer> reused = new ArrayList<>();
        private final List<Integer> outputs = new ArrayList<>();
        private final List<List<ArithExpr<IntSort>>> definitions = new ArrayList<>();
        private final List<BoolExpr> constraints = new ArrayList<>();

        private int nextId() {
            return graph.nextValueId() + freshValues.size();
        }

        void reuse(Value existing) {
            inputs.add(existing);
            if (!reused.contains(existing.id())) {
                reused.add(existing.id());
            }
        }

        void freshInput(DType dtype, int rank) {
            Value placeholder = placeholder(nextId(), dtype, rank, constraints);
            freshValues.add(placeholder);
            inputs.add(placeholder);
        }

        /** A new value equal to {@code output}, held by fresh symbols so expressions stay local to one node. */
        void freshOutput(SymbolicType output) {
            int id = nextId();
            List<ArithExpr<IntSort>> dims = new ArrayList<>(output.rank());
            for (int i = 0; i < output.rank(); i++) {
                ArithExpr<IntSort> dim = context.fresh("v" + id + "_d" + i);
                constraints.add(context.eq(dim, output.dim(i)));
                dims.add(dim);
            }
            constraints.addAll(shapeLimits(dims));
            freshValues.add(new Value(id, new SymbolicType(output.dtype(), dims)));
            outputs.add(id);
            definitions.add(output.dims());
        }

        /** The placeholder becomes this output: its dimension symbols must equal the output's expressions. */
        void replace(Value placeholder, SymbolicType output) {
            for (int i = 0; i < output.rank(); i++) {
                constraints.add(context.eq(placeholder.type().dim(i), output.dim(i)));
            }
            outputs.add(placeholder.id());
            definitions.add(output.dims());
        }

        List<SymbolicType> inputTypes() {
            return inputs.stream().map(Value::type).toList();
        }

        Proposal build(OpInstance instance, Insertion insertion) {
            return new Proposal(instance, insertion, freshValues, inputs.stream().map(Value::id).toList(), outputs,
                    definitions, reused, constraints);
        }
    }
}
