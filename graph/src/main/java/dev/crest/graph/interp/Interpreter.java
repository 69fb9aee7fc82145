package dev.crest.graph.interp;

import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.kernel.KernelRegistry;
import dev.crest.tensor.kernel.OpInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reference interpreter: executes a {@link Model} node by node on the kernels of a {@link KernelRegistry}
 * (by default {@link KernelRegistry#standard()}). It checks the whole model before running (unknown operators,
 * unsupported opsets) and the inputs against the declared types, and reports a kernel failure with the node
 * and operator that failed. Besides the registry's kernels it runs ONNX {@code Constant} itself.
 *
 * <p>Models declaring an older default-domain opset (7 or later) run on the same kernels, which accept the older
 * attribute forms, with {@link LegacyOpsets} adapting the operators whose meaning changed; models declaring a
 * newer one than {@link KernelRegistry#OPSET} are refused, since their operators may mean something the kernels
 * do not implement.
 */
public final class Interpreter {
    private final KernelRegistry registry;

    public Interpreter(KernelRegistry registry) {
        this.registry = registry;
    }

    /** An interpreter on the standard kernels. */
    public static Interpreter standard() {
        return new Interpreter(KernelRegistry.standard());
    }

    /** Runs the model and returns its outputs by name, in the graph's output order. */
    public Map<String, Tensor> run(Model model, Map<String, Tensor> inputs) {
        return execute(model, inputs, false).outputs();
    }

    /** Runs the model keeping every intermediate value. */
    public Execution trace(Model model, Map<String, Tensor> inputs) {
        return execute(model, inputs, true);
    }

    /**
     * Checks that the interpreter can run the model: a supported default-domain opset and a kernel for every
     * operator. All unknown operators are named in one message.
     */
    public void check(Model model) {
        Graph graph = model.graph();
        boolean usesDefault = graph.nodes().stream().anyMatch(n -> n.domain().isEmpty());
        long opset = model.defaultOpset();
        if (usesDefault && opset == 0) {
            throw new GraphException("the model does not import the default ONNX opset");
        }
        if (usesDefault && (opset > KernelRegistry.OPSET || opset < LegacyOpsets.MIN_OPSET)) {
            throw new GraphException("the model uses ONNX opset " + opset + "; Crest runs opsets "
                    + LegacyOpsets.MIN_OPSET + " to " + KernelRegistry.OPSET);
        }
        Set<String> unknown = new TreeSet<>();
        for (Node node : graph.nodes()) {
            if (!node.domain().isEmpty() || !canRun(node.opType())) {
                unknown.add(node.qualifiedOpType());
            }
        }
        if (!unknown.isEmpty()) {
            throw new GraphException("the model uses operator" + (unknown.size() > 1 ? "s" : "")
                    + " that Crest cannot execute: " + String.join(", ", unknown));
        }
        graph.nodes().forEach(node -> LegacyOpsets.check(node, opset));
    }

    private Execution execute(Model model, Map<String, Tensor> inputs, boolean keepAll) {
        check(model);
        Graph graph = model.graph();
        Map<String, Tensor> values = new LinkedHashMap<>();
        Map<String, Integer> bindings = new HashMap<>();
        bindInputs(graph, inputs, values, bindings);

        Map<String, Integer> lastUse = keepAll ? Map.of() : lastUses(graph);
        List<Node> nodes = graph.nodes();
        for (int index = 0; index < nodes.size(); index++) {
            Node node = nodes.get(index);
            List<Tensor> args = new ArrayList<>(node.inputs().size());
            for (String in : node.inputs()) {
                args.add(in.isEmpty() ? null : values.get(in));
            }
            List<Tensor> results = apply(node, model.defaultOpset(), args);
            for (int i = 0; i < node.outputs().size(); i++) {
                String out = node.outputs().get(i);
                if (out.isEmpty()) {
                    continue;
                }
                if (i >= results.size() || results.get(i) == null) {
                    throw new GraphException("node " + node.describe() + " asks for output " + i + " ('" + out
                            + "'), which Crest's kernel does not produce");
                }
                values.put(out, results.get(i));
            }
            if (!keepAll) {
                release(node, index, lastUse, values);
            }
        }

        Map<String, Tensor> outputs = new LinkedHashMap<>();
        for (ValueInfo out : graph.outputs()) {
            Tensor t = values.get(out.name());
            checkOutput(out, t, bindings);
            outputs.put(out.name(), t);
        }
        return new Execution(outputs, keepAll ? values : outputs);
    }

    private boolean canRun(String opType) {
        return registry.find(opType).isPresent() || opType.equals(ConstantOp.OP_TYPE);
    }

    private List<Tensor> apply(Node node, long opset, List<Tensor> args) {
        if (node.opType().equals(ConstantOp.OP_TYPE) && registry.find(ConstantOp.OP_TYPE).isEmpty()) {
            return List.of(ConstantOp.value(node));
        }
        OpInfo op = registry.get(node.opType());
        try {
            List<Tensor> results = LegacyOpsets.apply(node, opset, op.kernel(), args);
            if (results == null) {
                throw new IllegalStateException("kernel returned null");
            }
            return results;
        } catch (TensorException e) {
            throw new GraphException("node " + node.describe() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A kernel bug, not a user error; still name the node so it can be found and reported.
            throw new GraphException("node " + node.describe() + " failed with an internal error: " + e, e);
        }
    }

    private static void bindInputs(Graph graph, Map<String, Tensor> given, Map<String, Tensor> values,
            Map<String, Integer> bindings) {
        Set<String> declared = graph.inputs().stream().map(ValueInfo::name).collect(Collectors.toSet());
        List<String> unexpected = given.keySet().stream().filter(n -> !declared.contains(n)).sorted()
                .collect(Collectors.toList());
        if (!unexpected.isEmpty()) {
            throw new GraphException("the model has no input named " + String.join(", ", quote(unexpected))
                    + "; its inputs are " + String.join(", ", quote(graph.inputs().stream().map(ValueInfo::name)
                    .collect(Collectors.toList()))));
        }
        List<String> missing = graph.requiredInputs().stream().map(ValueInfo::name).filter(n -> !given.containsKey(n))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new GraphException("missing model input" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", quote(missing)));
        }
        values.putAll(graph.initializers());
        for (ValueInfo in : graph.inputs()) {
            Tensor t = given.get(in.name());
            if (t == null) {
                continue; // keeps the initializer default
            }
            if (t.dtype() != in.type().dtype()) {
                throw new GraphException("input '" + in.name() + "' expects " + in.type() + " but got "
                        + t.dtype().displayName() + t.shape());
            }
            String reason = in.type().mismatch(t.shape(), bindings);
            if (reason != null) {
                throw new GraphException("input '" + in.name() + "' expects " + in.type() + " but got "
                        + t.dtype().displayName() + t.shape() + ": " + reason);
            }
            values.put(in.name(), t);
        }
    }

    private static void checkOutput(ValueInfo out, Tensor t, Map<String, Integer> bindings) {
        String reason = t.dtype() != out.type().dtype() ? "dtype differs" : out.type().mismatch(t.shape(), bindings);
        if (reason != null) {
            throw new GraphException("output '" + out.name() + "' is declared " + out.type() + " but the model computed "
                    + t.dtype().displayName() + t.shape() + " (" + reason + ")");
        }
    }

    /** For each value a node reads, the index of the last node that reads it. */
    private static Map<String, Integer> lastUses(Graph graph) {
        Map<String, Integer> last = new HashMap<>();
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : nodes.get(i).inputs()) {
                last.put(in, i);
            }
        }
        for (ValueInfo out : graph.outputs()) {
            last.put(out.name(), Integer.MAX_VALUE);
        }
        return last;
    }

    /** Drops values no later node reads, so long chains do not hold every intermediate in memory. */
    private static void release(Node node, int index, Map<String, Integer> lastUse, Map<String, Tensor> values) {
        for (String name : concat(node.inputs(), node.outputs())) {
            if (!name.isEmpty() && lastUse.getOrDefault(name, -1) <= index) {
                values.remove(name);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> quote(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "Interpreter on " + registry.opTypes().size() + " operators";
    }
}
