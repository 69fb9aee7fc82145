package dev.crest.fuzz.backend.tensorflow;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.ConstantOp;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.Output;

/**
 * Translates an ONNX model (Crest's graph IR) into a TensorFlow graph node by node: graph inputs become
 * placeholders, initializers and Constant nodes become constants, each node becomes the TensorFlow operations
 * its {@link NodeTranslation} emits. Anything not translated fails here, at compile time, with a message naming
 * the operator or dtype.
 */
final class OnnxToTf {
    private static final Map<String, NodeTranslation> TRANSLATIONS = new HashMap<>();

    static {
        ElementwiseTranslations.register(TRANSLATIONS);
        ReductionTranslations.register(TRANSLATIONS);
        ShapeTranslations.register(TRANSLATIONS);
        LayerTranslations.register(TRANSLATIONS);
    }

    /**
     * The translated graph's endpoints.
     *
     * @param placeholders graph input name to the placeholder fed (in the input's wire type)
     * @param fetches graph output name to the value fetched (in its wire type)
     * @param outputTypes graph output name to the Crest dtype of the output
     */
    record Translation(Map<String, Output<?>> placeholders, Map<String, Output<?>> fetches,
            Map<String, DType> outputTypes) {
    }

    private OnnxToTf() {
    }

    /** The ONNX operators this translation covers, sorted. */
    static Set<String> operators() {
        return new TreeSet<>(TRANSLATIONS.keySet());
    }

    static Translation translate(Model model, org.tensorflow.Graph target) {
        TfEmitter tf = new TfEmitter(target);
        Graph graph = model.graph();
        long opset = model.defaultOpset();
        Map<String, Output<?>> values = new HashMap<>();
        Map<String, Tensor> constants = new HashMap<>(graph.initializers());
        Map<String, Output<?>> placeholders = new LinkedHashMap<>();
        for (ValueInfo input : graph.requiredInputs()) {
            if (!input.type().isFullyKnown()) {
                throw new UnsupportedModelException("input '" + input.name() + "' has no static shape ("
                        + input.type() + "); the TensorFlow translation needs one");
            }
            Output<?> fed = tf.placeholder("input_" + placeholders.size(), input.type().dtype(), input.type().toShape());
            values.put(input.name(), tf.cast(fed, input.type().dtype()));
            placeholders.put(input.name(), fed);
        }
        graph.initializers().forEach((name, tensor) -> values.putIfAbsent(name, tf.constant(tensor)));
        for (Node node : graph.nodes()) {
            if (!node.domain().isEmpty()) {
                throw new UnsupportedModelException("operator " + node.qualifiedOpType()
                        + " is outside the default ONNX domain, which the TensorFlow translation covers");
            }
            if (node.opType().equals(ConstantOp.OP_TYPE)) {
                Tensor value = ConstantOp.value(node);
                constants.put(node.outputs().get(0), value);
                values.put(node.outputs().get(0), tf.constant(value));
                continue;
            }
            NodeTranslation translation = TRANSLATIONS.get(node.opType());
            if (translation == null) {
                throw new UnsupportedModelException("the TensorFlow translation does not cover ONNX operator "
                        + node.opType() + " (docs/backends/tensorflow.md lists the " + TRANSLATIONS.size()
                        + " it covers)");
            }
            List<Optional<Output<?>>> inputs = new ArrayList<>();
            List<Optional<Tensor>> inputConstants = new ArrayList<>();
            for (String name : node.inputs()) {
                if (name.isEmpty()) {
                    inputs.add(Optional.empty());
                    inputConstants.add(Optional.empty());
                    continue;
                }
                Output<?> value = values.get(name);
                if (value == null) {
                    throw new IllegalStateException("value '" + name + "' is used before it is defined");
                }
                inputs.add(Optional.of(value));
                inputConstants.add(Optional.ofNullable(constants.get(name)));
            }
            List<Output<?>> outputs = translate(translation, new TfNode(node, inputs, inputConstants, opset, tf));
            for (int i = 0; i < node.outputs().size(); i++) {
                String name = node.outputs().get(i);
                if (!name.isEmpty()) {
                    if (i >= outputs.size()) {
                        throw new UnsupportedModelException("the TensorFlow translation of " + node.opType()
                                + " computes " + outputs.size() + " output(s), not output " + i);
                    }
                    values.put(name, outputs.get(i));
                }
            }
        }
        Map<String, Output<?>> fetches = new LinkedHashMap<>();
        Map<String, DType> outputTypes = new LinkedHashMap<>();
        for (ValueInfo output : graph.outputs()) {
            Output<?> value = values.get(output.name());
            if (value == null) {
                throw new IllegalStateException("graph output '" + output.name() + "' is never computed");
            }
            DType dtype = TfEmitter.dtype(value);
            outputTypes.put(output.name(), dtype);
            // Fetching through Identity keeps an output that is also an input or a constant a distinct node.
            fetches.put(output.name(), tf.cast(tf.op("Identity", value), TfTensors.wireType(dtype)));
        }
        return new Translation(placeholders, fetches, outputTypes);
    }

    private static List<Output<?>> translate(NodeTranslation translation, TfNode node) {
        try {
            return translation.translate(node);
        } catch (UnsupportedModelException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | org.tensorflow.exceptions.TensorFlowException e) {
            // TensorFlow's shape inference rejects what the translation built: a translation limit, said as such.
            throw new UnsupportedModelException("TensorFlow rejected the translation of " + node.opType() + ": "
                    + e.getMessage());
        }
    }
}
