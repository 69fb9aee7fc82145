package dev.crest.netsim.workload;

import dev.crest.graph.Node;
import dev.crest.netsim.workload.OnnxShapes.Value;
import java.util.List;
import java.util.Set;

/**
 * Forward FLOPs of one ONNX node from its input and output shapes, under {@link FlopRules}:
 * <ul>
 * <li>{@code Conv}: 2 · output elements · (input channels ÷ group) · kernel size, plus one per output element
 *     for the bias; {@code ConvTranspose}: 2 · input elements · (output channels ÷ group) · kernel size, plus
 *     the bias;</li>
 * <li>{@code Gemm}: 2·M·N·K, plus M·N with C; {@code MatMul}: 2 · output elements · inner dimension;</li>
 * <li>{@code BatchNormalization} 2, layer/instance/group normalization and LRN 5, {@code Softmax} and
 *     {@code LogSoftmax} 3 per element;</li>
 * <li>{@code MaxPool}, {@code AveragePool}, {@code LpPool}: kernel size per output element; global pooling and
 *     {@code Reduce*}: one per input element;</li>
 * <li>data movement ({@code Reshape}, {@code Transpose}, {@code Concat}, {@code Gather}, {@code Slice}, …),
 *     {@code Shape}, {@code Constant}, {@code Cast}, {@code Identity} and {@code Dropout} (inference): free;</li>
 * <li>every other operator, element-wise ones included: one per output element.</li>
 * </ul>
 * Nodes whose inputs are all constants are folded before training runs and cost nothing.
 */
final class OnnxFlops {
    private static final Set<String> FREE = Set.of("Reshape", "Flatten", "Transpose", "Concat", "Split", "Slice",
            "Gather", "GatherElements", "GatherND", "Squeeze", "Unsqueeze", "Shape", "Size", "Constant",
            "ConstantOfShape", "Identity", "Dropout", "Cast", "CastLike", "Expand", "Pad", "Tile", "Range",
            "DepthToSpace", "SpaceToDepth", "ScatterND", "ScatterElements", "NonZero", "OneHot", "EyeLike");
    private static final Set<String> NORMALIZATIONS = Set.of("LayerNormalization", "InstanceNormalization",
            "GroupNormalization", "LRN");

    private OnnxFlops() {
    }

    static double of(Node node, List<Value> in, List<Value> out) {
        String op = node.opType();
        Value y = out.isEmpty() ? null : out.get(0);
        boolean hasBias = in.size() > 2 && in.get(2) != null;
        switch (op) {
            case "Conv": {
                long[] w = in.get(1).dims();
                double perOutput = (double) w[1] * kernelSize(w);
                return FlopRules.PER_MAC * y.elements() * perOutput + (hasBias ? y.elements() : 0);
            }
            case "ConvTranspose": {
                long[] w = in.get(1).dims();
                double perInput = (double) w[1] * kernelSize(w);
                return FlopRules.PER_MAC * in.get(0).elements() * perInput + (hasBias ? y.elements() : 0);
            }
            case "Gemm": {
                long[] a = in.get(0).dims();
                long k = node.attributes().getLong("transA", 0) != 0 ? a[0] : a[1];
                return FlopRules.PER_MAC * (double) y.elements() * k + (hasBias ? y.elements() : 0);
            }
            case "MatMul": {
                long[] a = in.get(0).dims();
                return FlopRules.PER_MAC * (double) y.elements() * a[a.length - 1];
            }
            case "BatchNormalization":
                return (double) FlopRules.BATCH_NORM * y.elements();
            case "Softmax":
            case "LogSoftmax":
                return (double) FlopRules.SOFTMAX * y.elements();
            case "MaxPool":
            case "AveragePool":
            case "LpPool": {
                long window = 1;
                for (long k : node.attributes().getLongs("kernel_shape")) {
                    window *= k;
                }
                return (double) window * y.elements();
            }
            case "GlobalAveragePool":
            case "GlobalMaxPool":
            case "GlobalLpPool":
                return in.get(0).elements();
            default:
                if (FREE.contains(op)) {
                    return 0;
                }
                if (NORMALIZATIONS.contains(op)) {
                    return (double) FlopRules.NORMALIZATION * y.elements();
                }
                if (op.startsWith("Reduce")) {
                    return in.get(0).elements();
                }
                double sum = 0;
                for (Value v : out) {
                    sum += v == null ? 0 : v.elements();
                }
                return FlopRules.ELEMENTWISE * sum;
        }
    }

    private static double kernelSize(long[] weightDims) {
        double k = 1;
        for (int i = 2; i < weightDims.length; i++) {
            k *= weightDims[i];
        }
        return k;
    }
}
