package dev.crest.netsim.workload;

import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.OnnxShapes.Value;
import dev.crest.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Workload} from any ONNX model: one {@link Layer} per node in topological order, with the
 * node's forward FLOPs at the settings' batch size and the parameter tensors it is the first to read.
 *
 * <p>Shapes come from a light propagation, node by node, without running the model. Graph inputs take their
 * declared dimensions; a symbolic or unknown first (batch) dimension takes the batch size, and any other
 * non-fixed dimension is refused (fix it when exporting). Nodes whose inputs are all small constants (at most
 * 65,536 elements) are evaluated on Crest's kernels, which resolves the {@code Shape → Gather → Concat →
 * Reshape} arithmetic exporters write; the common operators have shape rules (element-wise and broadcasting
 * operators, Conv, ConvTranspose, pooling, Gemm, MatMul, normalizations, Softmax, Flatten, Reshape,
 * Transpose, Concat, Split, Slice, Gather, Squeeze, Unsqueeze, Expand, Pad, Shape, ConstantOfShape,
 * reductions); any other operator with a Crest kernel is run once on zero-filled inputs when each has at most
 * 1,048,576 elements. A node none of these covers, or an operator outside the default ONNX domain, is a
 * {@link NetsimException} naming it.
 *
 * <p>FLOPs per node follow {@link FlopRules}: Conv 2 · output elements · (input channels ÷ group) · kernel
 * size (+ one per output element for a bias); ConvTranspose 2 · input elements · (output channels ÷ group) ·
 * kernel size (+ bias); Gemm 2·M·N·K (+ M·N with C); MatMul 2 · output elements · inner dimension;
 * BatchNormalization 2, other normalizations 5 and Softmax 3 per element; windowed pooling the window size per
 * output element; global pooling and reductions one per input element; data movement, Shape, Cast, Identity and
 * Dropout nothing; every other operator one per output element. Nodes computing only from constants cost
 * nothing (a runtime folds them).
 *
 * <p>Parameter tensors are the initializers that act as trainable weights: floating-point, with at least two
 * elements, read by some node, in order of first use. Integer initializers (shape constants, indices), scalar
 * constants (an epsilon, a 1/√d scale), unused initializers and a {@code BatchNormalization}'s running mean and
 * variance (its inputs 3 and 4, statistics rather than gradients) are not exchanged. Weights stored in
 * {@code Constant} nodes instead of initializers are not seen. Size in bits is element count × the dtype's
 * width. A tensor's gradient is emitted when the backward pass of its first reader completes, since the
 * backward pass reaches that node after every later reader.
 */
public final class OnnxWorkloads {
    private OnnxWorkloads() {
    }

    /** Reads {@code file} and builds its workload; an unreadable or malformed model is a {@link NetsimException}. */
    public static Workload read(Path file, WorkloadSettings settings) {
        Model model;
        try {
            model = OnnxModels.read(file);
        } catch (GraphException e) {
            throw new NetsimException("cannot read ONNX model " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return workload(name, model, settings);
        } catch (NetsimException e) {
            throw new NetsimException("ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    /** The workload of {@code model} under {@code settings}. */
    public static Workload workload(String name, Model model, WorkloadSettings settings) {
        return ComputeTimeline.workload(name, layers(model, settings.batchSize()), settings);
    }

    /** One layer per node, FLOPs for a batch of {@code batchSize}. */
    public static List<Layer> layers(Model model, int batchSize) {
        Graph graph = model.graph();
        OnnxShapes shapes = new OnnxShapes(graph, batchSize);
        Set<String> claimed = new HashSet<>();
        List<Layer> layers = new ArrayList<>();
        for (Node node : graph.nodes()) {
            List<Value> in = new ArrayList<>();
            for (String input : node.inputs()) {
                in.add(shapes.get(input));
            }
            boolean folded = shapes.isConstant(node);
            List<Value> out = shapes.propagate(node);
            List<TensorSpec> params = new ArrayList<>();
            for (int i = 0; i < node.inputs().size(); i++) {
                String input = node.inputs().get(i);
                Tensor weight = graph.initializers().get(input);
                if (weight != null && isTrainable(node, i, weight) && claimed.add(input)) {
                    params.add(new TensorSpec(input, (long) weight.size() * weight.dtype().byteSize() * 8));
                }
            }
            double flops;
            try {
                flops = folded ? 0 : OnnxFlops.of(node, in, out);
            } catch (RuntimeException e) {
                throw new NetsimException("cannot count the FLOPs of node " + node.describe() + ": " + e.getMessage(), e);
            }
            layers.add(new Layer(node.describe(), params, flops));
        }
        return layers;
    }

    private static boolean isTrainable(Node node, int inputIndex, Tensor weight) {
        if (!weight.dtype().isFloat() || weight.size() < 2) {
            return false;
        }
        return !(node.opType().equals("BatchNormalization") && inputIndex >= 3);
    }
}
