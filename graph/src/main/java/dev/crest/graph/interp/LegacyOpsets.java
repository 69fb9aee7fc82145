package dev.crest.graph.interp;

import dev.crest.graph.GraphException;
import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.kernel.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs nodes of models written against an older default-domain opset on the opset-20 kernels. Most older forms
 * (attributes that later became inputs) the kernels accept as they are; this class covers the operators whose
 * meaning changed: Softmax before opset 13 works on the input coerced to 2-D at {@code axis} (default 1), and
 * Resize at opset 10 takes {@code scales} as its second input and maps coordinates asymmetrically. Forms with no
 * faithful mapping are refused.
 */
final class LegacyOpsets {
    /** The oldest default-domain opset Crest accepts; ONNX Runtime also starts at 7. */
    static final long MIN_OPSET = 7;

    private LegacyOpsets() {
    }

    /** Fails for a node whose older form the interpreter cannot run faithfully. */
    static void check(Node node, long opset) {
        if (node.opType().equals("BatchNormalization") && opset < 9 && node.attributes().getLong("spatial", 1) == 0) {
            throw new GraphException("node " + node.describe() + " uses spatial=0 (opset " + opset
                    + "), which Crest does not support");
        }
    }

    /** Applies {@code kernel} to {@code node}'s arguments, adapting the call to the model's opset. */
    static List<Tensor> apply(Node node, long opset, Kernel kernel, List<Tensor> args) {
        if (node.opType().equals("Softmax") && opset < 13) {
            return List.of(coercedSoftmax(kernel, args, node.attributes()));
        }
        if (node.opType().equals("Resize") && opset < 11) {
            return List.of(resize10(kernel, args, node.attributes()));
        }
        return kernel.apply(args, node.attributes());
    }

    /**
     * Resize-10 takes {@code (X, scales)} and maps output coordinates to input ones as {@code x / scale} (opset 11's
     * {@code asymmetric}). For {@code nearest} it rounds down where an axis is upsampled and up where it is
     * downsampled, as ONNX Runtime does; nearest sampling is separable, so mixed axes run as two passes.
     */
    private static Tensor resize10(Kernel kernel, List<Tensor> args, Attributes attributes) {
        Tensor x = args.isEmpty() ? null : args.get(0);
        Tensor scales = args.size() > 1 ? args.get(1) : null;
        boolean nearest = attributes.getString("mode", "nearest").equals("nearest");
        if (x == null || scales == null || !nearest) {
            return kernel.apply(Arrays.asList(x, null, scales), legacyAttributes(attributes, "floor")).get(0);
        }
        double[] s = scales.toDoubleArray();
        double[] down = new double[s.length];
        double[] up = new double[s.length];
        boolean anyDown = false;
        for (int i = 0; i < s.length; i++) {
            down[i] = s[i] < 1 ? s[i] : 1;
            up[i] = s[i] < 1 ? 1 : s[i];
            anyDown |= s[i] < 1;
        }
        Tensor y = x;
        if (anyDown) {
            Tensor downScales = Tensor.fromDoubles(scales.dtype(), scales.shape(), down);
            y = kernel.apply(Arrays.asList(y, null, downScales), legacyAttributes(attributes, "ceil")).get(0);
        }
        Tensor upScales = Tensor.fromDoubles(scales.dtype(), scales.shape(), up);
        return kernel.apply(Arrays.asList(y, null, upScales), legacyAttributes(attributes, "floor")).get(0);
    }

    private static Attributes legacyAttributes(Attributes attributes, String nearestMode) {
        Attributes.Builder b = Attributes.builder();
        attributes.asMap().forEach((name, value) -> {
            if (value instanceof String) {
                b.put(name, (String) value);
            } else if (value instanceof Long) {
                b.put(name, (long) (Long) value);
            } else if (value instanceof Double) {
                b.put(name, (double) (Double) value);
            }
        });
        return b.put("coordinate_transformation_mode", "asymmetric").put("nearest_mode", nearestMode).build();
    }

    /** Softmax-1/11: flatten to [prod(dims before axis), prod(dims from axis)], normalize rows, restore the shape. */
    private static Tensor coercedSoftmax(Kernel kernel, List<Tensor> args, Attributes attributes) {
        Tensor x = args.isEmpty() ? null : args.get(0);
        if (x == null || x.rank() == 0) {
            return kernel.apply(args, attributes).get(0);
        }
        long axisAttr = attributes.getLong("axis", 1);
        int rank = x.rank();
        int axis = (int) (axisAttr < 0 ? axisAttr + rank : axisAttr);
        if (axis < 0 || axis > rank) {
            throw new TensorException("axis " + axisAttr + " is out of range for rank " + rank);
        }
        int rows = 1;
        for (int i = 0; i < axis; i++) {
            rows *= x.shape().dim(i);
        }
        int cols = rows == 0 ? 0 : x.size() / rows;
        Tensor flat = x.reshape(Shape.of(rows, cols));
        Tensor y = kernel.apply(List.of(flat), Attributes.builder().put("axis", 1L).build()).get(0);
        return y.reshape(x.shape());
    }
}
