package dev.crest.fuzz.search;

import dev.crest.graph.Node;
import dev.crest.graph.interp.ConstantOp;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a model's nodes in topological order on a {@link Tape}, on the same kernels as the reference interpreter,
 * and stops at the first node whose float output holds NaN or infinity (or whose kernel fails, e.g. an integer
 * division by zero). The tape then holds exactly the computation from the chosen values up to that node, ready
 * for a loss on its inputs. Nodes that depend on no chosen value are computed once and reused on later runs.
 */
final class ModelReplay {
    private final SearchProblem problem;
    private final Map<String, Tensor> staticValues = new HashMap<>();
    private final Map<Integer, boolean[]> cones = new HashMap<>();

    ModelReplay(SearchProblem problem) {
        this.problem = problem;
        staticValues.putAll(problem.fixed());
    }

    /** Where a run stopped. */
    record Outcome(int failingNode, List<Variable> failingInputs, String kernelError) {
        static final Outcome FINITE = new Outcome(-1, List.of(), null);

        boolean allFinite() {
            return failingNode < 0;
        }
    }

    /**
     * Runs the model with the chosen values as {@code leaves} (variables on {@code tape}: parameters for the
     * values that follow the gradient, constants for the others).
     */
    Outcome run(Tape tape, Map<String, Variable> leaves) {
        return run(tape, leaves, -1);
    }

    /**
     * Like {@link #run(Tape, Map)}, but first runs only node {@code focus} (when non-negative) and the nodes it
     * depends on, and stops at the first failure among them; only when they are all finite does it run the rest.
     * While the search works on one failing node, each step then costs that node's cone instead of the whole
     * prefix of the model, and the tape holds nothing the loss does not depend on.
     */
    Outcome run(Tape tape, Map<String, Variable> leaves, int focus) {
        Map<String, Variable> env = new HashMap<>(leaves);
        boolean[] cone = focus < 0 ? new boolean[problem.nodes().size()] : cone(focus);
        for (int pass = 0; pass < 2; pass++) {
            for (int index = 0; index < cone.length; index++) {
                if (cone[index] == (pass == 0)) {
                    Outcome failed = runNode(tape, env, index);
                    if (failed != null) {
                        return failed;
                    }
                }
            }
        }
        return Outcome.FINITE;
    }

    /** Node {@code index} on {@code tape}; its failure, or null when its outputs are finite. */
    private Outcome runNode(Tape tape, Map<String, Variable> env, int index) {
        Node node = problem.nodes().get(index);
        boolean dynamic = problem.dependsOnSearch(index);
        if (!dynamic && staticValues.containsKey(firstOutput(node))) {
            return null; // computed finite on an earlier run; read lazily by lookup
        }
        Variable[] inputs = new Variable[node.inputs().size()];
        for (int i = 0; i < inputs.length; i++) {
            String name = node.inputs().get(i);
            inputs[i] = name.isEmpty() ? null : lookup(tape, env, name);
        }
        List<Variable> outputs;
        try {
            outputs = evaluate(tape, node, inputs);
        } catch (TensorException e) {
            return new Outcome(index, Arrays.asList(inputs), e.getMessage());
        }
        boolean finite = true;
        for (int k = 0; k < outputs.size(); k++) {
            String name = node.outputs().get(k);
            if (name.isEmpty()) {
                continue;
            }
            Variable v = outputs.get(k);
            env.put(name, v);
            finite &= Finiteness.isFinite(v.value());
        }
        if (!finite) {
            return new Outcome(index, Arrays.asList(inputs), null);
        }
        if (!dynamic) {
            for (int k = 0; k < outputs.size(); k++) {
                if (!node.outputs().get(k).isEmpty()) {
                    staticValues.put(node.outputs().get(k), outputs.get(k).value());
                }
            }
        }
        return null;
    }

    /** Node {@code focus} and every node it transitively reads from, by index; an ancestor-closed set. */
    private boolean[] cone(int focus) {
        return cones.computeIfAbsent(focus, f -> {
            List<Node> nodes = problem.nodes();
            Map<String, Integer> producer = new HashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                for (String out : nodes.get(i).outputs()) {
                    if (!out.isEmpty()) {
                        producer.put(out, i);
                    }
                }
            }
            boolean[] in = new boolean[nodes.size()];
            Deque<Integer> pending = new ArrayDeque<>(List.of(f));
            in[f] = true;
            while (!pending.isEmpty()) {
                for (String name : nodes.get(pending.pop()).inputs()) {
                    Integer p = producer.get(name);
                    if (p != null && !in[p]) {
                        in[p] = true;
                        pending.push(p);
                    }
                }
            }
            return in;
        });
    }

    /** {@code values} as constant leaves of {@code tape}, for runs that need no gradient. */
    static Map<String, Variable> constants(Tape tape, Map<String, Tensor> values) {
        Map<String, Variable> leaves = new HashMap<>();
        values.forEach((name, t) -> leaves.put(name, tape.constant(t)));
        return leaves;
    }

    private Variable lookup(Tape tape, Map<String, Variable> env, String name) {
        Variable v = env.get(name);
        if (v == null) {
            Tensor t = staticValues.get(name);
            if (t == null) {
                throw new IllegalStateException("no value for '" + name + "'; the graph should have caught this");
            }
            v = tape.constant(t);
            env.put(name, v);
        }
        return v;
    }

    private static List<Variable> evaluate(Tape tape, Node node, Variable[] inputs) {
        if (node.opType().equals(ConstantOp.OP_TYPE) && node.domain().isEmpty()) {
            return List.of(tape.constant(ConstantOp.value(node)));
        }
        int count = 0;
        for (int k = 0; k < node.outputs().size(); k++) {
            if (!node.outputs().get(k).isEmpty()) {
                count = k + 1;
            }
        }
        return count == 0 ? List.of() : new ArrayList<>(tape.applyMulti(node.opType(), node.attributes(), count, inputs));
    }

    private static String firstOutput(Node node) {
        for (String out : node.outputs()) {
            if (!out.isEmpty()) {
                return out;
            }
        }
        return "";
    }
}
