package dev.crest.fuzz.diff;

import dev.crest.graph.Node;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a localized node whose result ONNX leaves undefined for the values it was given, so that engines
 * may legitimately disagree: a {@code Cast} from a float type to an integer type of a NaN, an infinity or a value
 * outside the target's range (the specification leaves these undefined; engines saturate, wrap or return the
 * "integer indefinite" value), and an integer {@code Pow} whose exact result does not fit its type (integer
 * overflow is not defined by ONNX either). A divergence that starts at such a node is a false alarm.
 */
final class UndefinedResult {
    private UndefinedResult() {
    }

    /** Why {@code node}'s result is undefined for the reference's {@code values}, if it is. */
    static Optional<String> of(Node node, Map<String, Tensor> values) {
        switch (node.opType()) {
            case "Cast":
                return castOutOfRange(node, values);
            case "Pow":
                return integerPowOverflow(node, values);
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> castOutOfRange(Node node, Map<String, Tensor> values) {
        Tensor input = values.get(node.inputs().get(0));
        DType target = DType.fromOnnxCode(node.attributes().getInt("to", 0));
        if (input == null || !input.dtype().isFloat() || !target.isInteger() || target == DType.BOOL) {
            return Optional.empty();
        }
        double[] range = range(target);
        for (int i = 0; i < input.size(); i++) {
            double x = input.getDouble(i);
            // Cast truncates toward zero, so anything that truncates into the range is defined.
            if (!Double.isFinite(x) || x <= range[0] - 1 || x >= range[1] + 1) {
                return Optional.of("Cast of " + x + " from " + input.dtype().displayName() + " to "
                        + target.displayName() + " is undefined in ONNX (NaN, infinite or out of range)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> integerPowOverflow(Node node, Map<String, Tensor> values) {
        Tensor base = values.get(node.inputs().get(0));
        Tensor exponent = values.get(node.inputs().get(1));
        Tensor result = values.get(node.outputs().get(0));
        if (base == null || exponent == null || result == null || !result.dtype().isInteger()) {
            return Optional.empty();
        }
        double[] range = range(result.dtype());
        // The result's shape is the broadcast of the two inputs; index each input by the broadcast position.
        int[] shape = result.shape().dims();
        for (int i = 0; i < result.size(); i++) {
            double exact = Math.pow(base.getDouble(broadcastIndex(i, shape, base)),
                    exponent.getDouble(broadcastIndex(i, shape, exponent)));
            if (exact < range[0] || exact > range[1]) {
                return Optional.of("integer Pow overflows " + result.dtype().displayName() + " (" + exact
                        + "), which ONNX leaves undefined");
            }
        }
        return Optional.empty();
    }

    private static int broadcastIndex(int flat, int[] outShape, Tensor operand) {
        int[] dims = operand.shape().dims();
        int index = 0;
        int stride = 1;
        int remaining = flat;
        int offset = outShape.length - dims.length;
        int[] coordinates = new int[outShape.length];
        for (int axis = outShape.length - 1; axis >= 0; axis--) {
            coordinates[axis] = remaining % outShape[axis];
            remaining /= outShape[axis];
        }
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            int coordinate = dims[axis] == 1 ? 0 : coordinates[axis + offset];
            index += coordinate * stride;
            stride *= dims[axis];
        }
        return index;
    }

    private static double[] range(DType type) {
        switch (type) {
            case INT8:
                return new double[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case INT16:
                return new double[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case INT32:
                return new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case UINT8:
                return new double[] {0, 255};
            default:
                return new double[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
    }
}
