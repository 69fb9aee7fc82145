package dev.crest.fuzz.backend.torch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.Backend;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model checked for translation (every node's operator and dtypes are translated, so nothing is rejected
 * halfway through a run) and executed node by node in PyTorch's eager mode. Each run owns one tensor manager
 * that is closed at its end, so no PyTorch tensor outlives the test case.
 */
final class TorchProgram implements Backend.Compiled {
    /** One node with its translation and the dtypes its inputs and outputs have. */
    private record Step(Node node, TorchOp op, List<DType> inputTypes, List<DType> outputTypes) {
    }

    private final Model model;
    private final List<Step> steps;
    private final Map<String, DType> types;

    private TorchProgram(Model model, List<Step> steps, Map<String, DType> types) {
        this.model = model;
        this.steps = steps;
        this.types = types;
    }

    /**
     * Checks that every node can be translated.
     *
     * @throws FuzzException naming the first node, operator and dtype that the backend does not translate
     */
    static TorchProgram compile(Model model) {
        Graph graph = model.graph();
        Map<String, DType> types = new HashMap<>();
        for (ValueInfo input : graph.inputs()) {
            types.put(input.name(), requireMapped(input.type().dtype(), "graph input '" + input.name() + "'"));
        }
        graph.initializers().forEach((name, tensor) -> types.putIfAbsent(name,
                requireMapped(tensor.dtype(), "initializer '" + name + "'")));
        List<Step> steps = new ArrayList<>();
        for (Node node : graph.nodes()) {
            String label = "node '" + node.name() + "' (" + node.opType() + ")";
            if (!Node.normalizeDomain(node.domain()).equals(Node.DEFAULT_DOMAIN)) {
                throw new FuzzException("the torch backend does not translate operators of domain '" + node.domain()
                        + "': " + label);
            }
            TorchOp op = TorchOps.get(node.opType()).orElseThrow(() -> new FuzzException(
                    "the torch backend does not translate operator " + node.opType() + " (" + label + ")"));
            List<DType> inputTypes = new ArrayList<>();
            for (String input : node.inputs()) {
                if (input.isEmpty()) {
                    inputTypes.add(null);
                    continue;
                }
                DType type = types.get(input);
                if (type == null) {
                    throw new FuzzException(label + " reads '" + input + "', which no earlier node produces");
                }
                inputTypes.add(type);
            }
            Optional<String> rejection = op.rejects(inputTypes, node.attributes());
            if (rejection.isPresent()) {
                throw new FuzzException("the torch backend does not translate " + node.opType() + " here: "
                        + rejection.get() + " (" + label + ")");
            }
            List<DType> outputTypes = op.outputTypes(inputTypes, node.attributes());
            for (int i = 0; i < node.outputs().size(); i++) {
                String output = node.outputs().get(i);
                if (output.isEmpty()) {
                    continue;
                }
                if (i >= outputTypes.size()) {
                    throw new FuzzException("the torch backend does not translate output " + i + " of "
                            + node.opType() + " (" + label + ")");
                }
                types.put(output, requireMapped(outputTypes.get(i), label + " output '" + output + "'"));
            }
            steps.add(new Step(node, op, nullable(inputTypes), outputTypes));
        }
        for (ValueInfo output : graph.outputs()) {
            if (!types.containsKey(output.name())) {
                throw new FuzzException("graph output '" + output.name() + "' is produced by no node");
            }
        }
        return new TorchProgram(model, steps, types);
    }

    /** List.copyOf refuses nulls; omitted optional inputs are kept as nulls in an unmodifiable wrapper. */
    private static List<DType> nullable(List<DType> types) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(types));
    }

    private static DType requireMapped(DType dtype, String what) {
        if (TorchTensors.dataType(dtype).isEmpty()) {
            throw new FuzzException("the torch backend does not translate dtype " + dtype.displayName() + " ("
                    + what + "): DJL cannot pass it to PyTorch");
        }
        return dtype;
    }

    /** Runs the model on {@code inputs} and returns copies of its outputs in graph output order. */
    Map<String, Tensor> run(Engine engine, Map<String, Tensor> inputs) {
        Graph graph = model.graph();
        try (NDManager manager = engine.newBaseManager()) {
            Map<String, NDArray> values = new HashMap<>();
            graph.initializers().forEach((name, tensor) -> values.put(name, TorchTensors.toTorch(manager, tensor)));
            for (ValueInfo input : graph.inputs()) {
                Tensor fed = inputs.get(input.name());
                if (fed == null) {
                    if (!values.containsKey(input.name())) {
                        throw new FuzzException("missing model input '" + input.name() + "'");
                    }
                    continue;
                }
                values.put(input.name(), TorchTensors.toTorch(manager, fed));
            }
            for (Step step : steps) {
                execute(step, manager, values);
            }
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            for (ValueInfo output : graph.outputs()) {
                outputs.put(output.name(), TorchTensors.fromTorch(values.get(output.name()), types.get(output.name())));
            }
            return outputs;
        }
    }

    private void execute(Step step, NDManager manager, Map<String, NDArray> values) {
        Node node = step.node();
        List<NDArray> arguments = new ArrayList<>();
        for (String input : node.inputs()) {
            arguments.add(input.isEmpty() ? null : values.get(input));
        }
        List<NDArray> results;
        try {
            results = step.op().apply(new OpCall(manager, java.util.Collections.unmodifiableList(arguments),
                    step.inputTypes(), node.attributes(), model.defaultOpset()));
        } catch (RuntimeException e) {
            throw new FuzzException("PyTorch failed at node '" + node.name() + "' (" + node.opType() + "): "
                    + firstLine(e.getMessage()), e);
        }
        for (int i = 0; i < node.outputs().size(); i++) {
            String output = node.outputs().get(i);
            if (output.isEmpty()) {
                continue;
            }
            NDArray result = results.get(i);
            DType type = step.outputTypes().get(i);
            DataType stored = TorchTensors.requireDataType(type);
            // PyTorch widens integer sums, products and mixed-dtype arithmetic; ONNX keeps the node's dtype.
            NDArray cast = result.getDataType() == stored ? result : result.toType(stored, false);
            values.put(output, type == DType.INT16 ? TorchTensors.wrapInt16(cast) : cast);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        // Compiling keeps no PyTorch tensors: every run creates and closes its own.
    }
}
