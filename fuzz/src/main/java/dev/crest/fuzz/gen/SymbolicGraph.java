package dev.crest.fuzz.gen;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.IntSort;
import dev.crest.fuzz.spec.OpInstance;
import dev.crest.fuzz.spec.SymbolicType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The graph while the generator builds it: values whose dimensions are solver symbols, and operator instances
 * connecting them. A value without a producer is a placeholder, to become a model input or weight at the end.
 * Nodes are only added, never removed, through {@link #commit}, once the solver has accepted their constraints.
 */
final class SymbolicGraph {
    /** A value and, once some node produces it, that node and the expressions its dimensions equal. */
    static final class Value {
        private final int id;
        private final SymbolicType type;
        private int producer = -1;
        private List<ArithExpr<IntSort>> definition = List.of();

        Value(int id, SymbolicType type) {
            this.id = id;
            this.type = type;
        }

        int id() {
            return id;
        }

        SymbolicType type() {
            return type;
        }

        boolean isPlaceholder() {
            return producer < 0;
        }

        /** The id of the producing node, or -1 for a placeholder. */
        int producer() {
            return producer;
        }

        /** The producer's output expressions, which the solver keeps equal to this value's dimension symbols. */
        List<ArithExpr<IntSort>> definition() {
            return definition;
        }
    }

    /** An operator instance with the ids of the values it reads and writes. */
    record OpNode(int id, OpInstance instance, List<Integer> inputs, List<Integer> outputs, Insertion insertion,
            List<Integer> reusedInputs) {
    }

    /**
     * A node ready to be committed: its fresh values (new placeholders and new outputs), the ids of its inputs
     * and outputs, the output expressions by output position, and the constraints the solver must accept.
     */
    record Proposal(OpInstance instance, Insertion insertion, List<Value> freshValues, List<Integer> inputs,
            List<Integer> outputs, List<List<ArithExpr<IntSort>>> outputDefinitions, List<Integer> reusedInputs,
            List<com.microsoft.z3.BoolExpr> constraints) {
    }

    private final List<Value> values = new ArrayList<>();
    private final List<OpNode> nodes = new ArrayList<>();

    /** The id the next new value gets; ids are positions in {@link #values()}. */
    int nextValueId() {
        return values.size();
    }

    /** Adds a value that no node produces (the starting placeholder). */
    void addPlaceholder(Value placeholder) {
        checkNextId(placeholder);
        values.add(placeholder);
    }

    Value value(int id) {
        return values.get(id);
    }

    List<Value> values() {
        return values;
    }

    List<OpNode> nodes() {
        return nodes;
    }

    List<Value> placeholders() {
        return values.stream().filter(Value::isPlaceholder).toList();
    }

    /** Adds a proposal the solver accepted: its fresh values, then the node, which becomes its outputs' producer. */
    void commit(Proposal proposal) {
        for (Value fresh : proposal.freshValues()) {
            checkNextId(fresh);
            values.add(fresh);
        }
        int nodeId = nodes.size();
        for (int i = 0; i < proposal.outputs().size(); i++) {
            Value out = values.get(proposal.outputs().get(i));
            if (!out.isPlaceholder()) {
                throw new IllegalStateException("value " + out.id() + " already has a producer");
            }
            out.producer = nodeId;
            out.definition = List.copyOf(proposal.outputDefinitions().get(i));
        }
        nodes.add(new OpNode(nodeId, proposal.instance(), List.copyOf(proposal.inputs()),
                List.copyOf(proposal.outputs()), proposal.insertion(), List.copyOf(proposal.reusedInputs())));
    }

    /**
     * The value and every value computed from it: a node producing {@code id} must not read any of them, or the
     * graph would have a cycle.
     */
    Set<Integer> descendants(int id) {
        Set<Integer> reached = new HashSet<>();
        Deque<Integer> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            int current = pending.pop();
            if (!reached.add(current)) {
                continue;
            }
            for (OpNode node : nodes) {
                if (node.inputs().contains(current)) {
                    pending.addAll(node.outputs());
                }
            }
        }
        return reached;
    }

    /** Whether some node reads the value. */
    boolean isConsumed(int id) {
        return nodes.stream().anyMatch(node -> node.inputs().contains(id));
    }

    private void checkNextId(Value value) {
        if (value.id() != values.size()) {
            throw new IllegalStateException("value id " + value.id() + " is not the next id " + values.size());
        }
    }
}
