package dev.crest.fuzz.backend.tensorflow;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Output;

/**
 * Elementwise ONNX operators (math, activations, arithmetic with numpy broadcasting, comparisons, logic, Where,
 * Cast, Clip, Softmax) as TensorFlow operations; TensorFlow's binary operations broadcast the way ONNX's
 * multidirectional broadcasting does.
 */
final class ElementwiseTranslations {
    private ElementwiseTranslations() {
    }

    static void register(Map<String, NodeTranslation> translations) {
        Map<String, String> unary = Map.ofEntries(Map.entry("Neg", "Neg"), Map.entry("Exp", "Exp"),
                Map.entry("Ceil", "Ceil"), Map.entry("Floor", "Floor"), Map.entry("Sin", "Sin"),
                Map.entry("Sqrt", "Sqrt"), Map.entry("Log", "Log"), Map.entry("Reciprocal", "Reciprocal"),
                Map.entry("Cos", "Cos"), Map.entry("Tan", "Tan"), Map.entry("Atan", "Atan"), Map.entry("Asin", "Asin"),
                Map.entry("Acos", "Acos"), Map.entry("Round", "Round"), Map.entry("Relu", "Relu"),
                Map.entry("Sigmoid", "Sigmoid"), Map.entry("Tanh", "Tanh"), Map.entry("Not", "LogicalNot"),
                Map.entry("Identity", "Identity"));
        // ONNX Round and TensorFlow Round both round halves to even.
        unary.forEach((onnx, tf) -> translations.put(onnx, n -> List.of(n.tf().op(tf, n.input(0)))));
        // The absolute value of an unsigned integer is itself; TensorFlow has no unsigned Abs kernel.
        translations.put("Abs", n -> List.of(n.dtype(0) == DType.UINT8 ? n.tf().op("Identity", n.input(0))
                : n.tf().op("Abs", n.input(0))));
        translations.put("LeakyRelu", n -> List.of(n.tf().op("LeakyRelu", List.of(n.input(0)),
                b -> b.setAttr("alpha", (float) n.attributes().getDouble("alpha", 0.01)))));
        translations.put("Gelu", ElementwiseTranslations::gelu);
        translations.put("Softmax", ElementwiseTranslations::softmax);
        translations.put("PRelu", n -> {
            Output<?> x = n.input(0);
            Output<?> negative = n.tf().op("Less", x, n.tf().scalar(n.dtype(0), 0));
            return List.of(n.tf().op("SelectV2", negative, n.tf().op("Mul", x, n.input(1)), x));
        });
        translations.put("Clip", ElementwiseTranslations::clip);

        binary(translations, "Add", "AddV2");
        binary(translations, "Sub", "Sub");
        binary(translations, "Mul", "Mul");
        binary(translations, "Equal", "Equal");
        binary(translations, "Greater", "Greater");
        binary(translations, "Less", "Less");
        binary(translations, "And", "LogicalAnd");
        binary(translations, "Or", "LogicalOr");
        // Xor of booleans is inequality; TensorFlow has no LogicalXor kernel.
        binary(translations, "Xor", "NotEqual");
        // ONNX integer division truncates toward zero (C semantics), as TensorFlow's TruncateDiv does.
        translations.put("Div", n -> List.of(n.tf().op(n.dtype(0).isFloat() ? "RealDiv" : "TruncateDiv",
                n.input(0), n.input(1))));
        translations.put("Pow", ElementwiseTranslations::pow);
        translations.put("Max", n -> fold(n, "Maximum"));
        translations.put("Min", n -> fold(n, "Minimum"));
        translations.put("Where", n -> List.of(n.tf().op("SelectV2", n.input(0), n.input(1), n.input(2))));
        translations.put("Cast", n -> List.of(n.tf().op("Cast", List.of(n.input(0)),
                b -> b.setAttr("DstT", TfTensors.dataType(DType.fromOnnxCode((int) n.attributes().getLong("to")))))));
    }

    private static void binary(Map<String, NodeTranslation> translations, String onnx, String tf) {
        translations.put(onnx, n -> List.of(n.tf().op(tf, n.input(0), n.input(1))));
    }

    private static List<Output<?>> fold(TfNode n, String tf) {
        Output<?> result = n.input(0);
        for (int i = 1; i < n.inputCount(); i++) {
            result = n.tf().op(tf, result, n.input(i));
        }
        return List.of(n.inputCount() == 1 ? n.tf().op("Identity", result) : result);
    }

    /**
     * ONNX Pow, whose result has the base's dtype. An exponent of another dtype than a float base is not rounded
     * to the base's type: both compute in float64 and the result rounds once (as in the reference), so a float64
     * exponent keeps its digits and a large integer exponent its parity. TensorFlow refuses an integer base with
     * a negative integer exponent, where ONNX's result is the truncated {@code 1 / x^n}: 1 for x = 1, ±1 for
     * x = −1 by the exponent's parity, 0 for |x| > 1 (0 for x = 0 too, which has no integer result).
     */
    private static List<Output<?>> pow(TfNode n) {
        TfEmitter tf = n.tf();
        DType base = n.dtype(0);
        Output<?> x = n.input(0);
        if (base.isFloat()) {
            if (n.dtype(1) == base) {
                return List.of(tf.op("Pow", x, n.input(1)));
            }
            Output<?> wide = tf.op("Pow", tf.cast(x, DType.FLOAT64), tf.cast(n.input(1), DType.FLOAT64));
            return List.of(tf.cast(wide, base));
        }
        Output<?> exponent = tf.cast(n.input(1), base);
        Output<?> negative = tf.op("Less", exponent, tf.scalar(base, 0));
        // Below zero only the exponent's parity matters (the base is ±1 or the result 0): e & 1 is 0 or 1.
        Output<?> allowed = tf.op("SelectV2", negative, tf.op("BitwiseAnd", exponent, tf.scalar(base, 1)), exponent);
        Output<?> unit = tf.op("LogicalOr", tf.op("Equal", x, tf.scalar(base, 1)), tf.op("Equal", x, tf.scalar(base, -1)));
        Output<?> vanishes = tf.op("LogicalAnd", negative, tf.op("LogicalNot", unit));
        return List.of(tf.op("SelectV2", vanishes, tf.op("ZerosLike", x), tf.op("Pow", x, allowed)));
    }

    /** Gelu (opset 20), exact {@code x·Φ(x)} through Erf or its tanh approximation, as ONNX defines them. */
    private static List<Output<?>> gelu(TfNode n) {
        TfEmitter tf = n.tf();
        Output<?> x = n.input(0);
        DType dtype = n.dtype(0);
        String approximate = n.attributes().getString("approximate", "none");
        Output<?> inner;
        if (approximate.equals("tanh")) {
            Output<?> cube = tf.op("Mul", tf.op("Mul", x, x), x);
            Output<?> poly = tf.op("AddV2", x, tf.op("Mul", tf.scalar(dtype, 0.044715), cube));
            inner = tf.op("Tanh", tf.op("Mul", tf.scalar(dtype, Math.sqrt(2 / Math.PI)), poly));
        } else if (approximate.equals("none")) {
            inner = tf.op("Erf", tf.op("Mul", x, tf.scalar(dtype, 1 / Math.sqrt(2))));
        } else {
            throw n.unsupported("approximate='" + approximate + "'");
        }
        Output<?> half = tf.op("Mul", tf.scalar(dtype, 0.5), x);
        return List.of(tf.op("Mul", half, tf.op("AddV2", tf.scalar(dtype, 1), inner)));
    }

    /**
     * Softmax over one axis from opset 13; before, over the input coerced to 2-D at {@code axis} (default 1).
     * TensorFlow normalizes the last axis, so the axis is moved there and back.
     */
    private static List<Output<?>> softmax(TfNode n) {
        TfEmitter tf = n.tf();
        Output<?> x = n.input(0);
        long[] shape = n.shape(0);
        int rank = shape.length;
        boolean perAxis = n.opset() >= 13;
        int axis = (int) n.attributes().getLong("axis", perAxis ? -1 : 1);
        axis = axis < 0 ? axis + rank : axis;
        if (axis < 0 || axis >= Math.max(rank, 1)) {
            throw n.unsupported("axis " + axis + " for rank " + rank);
        }
        if (!perAxis) {
            long outer = 1;
            long inner = 1;
            for (int d = 0; d < rank; d++) {
                if (d < axis) {
                    outer *= shape[d];
                } else {
                    inner *= shape[d];
                }
            }
            Output<?> flat = tf.op("Reshape", x, tf.longs(outer, inner));
            return List.of(tf.op("Reshape", tf.op("Softmax", flat), tf.longs(shape)));
        }
        if (axis == rank - 1) {
            return List.of(tf.op("Softmax", x));
        }
        long[] perm = new long[rank];
        for (int d = 0; d < rank; d++) {
            perm[d] = d;
        }
        perm[axis] = rank - 1;
        perm[rank - 1] = axis;
        Output<?> moved = tf.op("Transpose", x, tf.longs(perm));
        return List.of(tf.op("Transpose", tf.op("Softmax", moved), tf.longs(perm)));
    }

    /**
     * Clip between optional bounds: inputs from opset 11, float attributes before. A missing bound is the type's
     * lowest or largest finite value (ONNX's numeric_limits defaults), so an infinity is clipped to it.
     */
    private static List<Output<?>> clip(TfNode n) {
        TfEmitter tf = n.tf();
        Output<?> result = n.input(0);
        DType dtype = n.dtype(0);
        Attributes attributes = n.attributes();
        boolean hasMin = n.opset() < 11 ? attributes.has("min") : n.has(1);
        boolean hasMax = n.opset() < 11 ? attributes.has("max") : n.has(2);
        if (hasMin) {
            result = tf.op("Maximum", result, n.opset() < 11
                    ? tf.scalar(dtype, attributes.getDouble("min", 0)) : n.input(1));
        } else if (dtype.isFloat()) {
            result = tf.op("Maximum", result, tf.scalar(dtype, -largestFinite(dtype)));
        }
        if (hasMax) {
            result = tf.op("Minimum", result, n.opset() < 11
                    ? tf.scalar(dtype, attributes.getDouble("max", 0)) : n.input(2));
        } else if (dtype.isFloat()) {
            result = tf.op("Minimum", result, tf.scalar(dtype, largestFinite(dtype)));
        }
        return List.of(result == n.input(0) ? tf.op("Identity", result) : result);
    }

    private static double largestFinite(DType dtype) {
        switch (dtype) {
            case FLOAT16:
                return 65504;
            case FLOAT32:
                return Float.MAX_VALUE;
            default:
                return Double.MAX_VALUE;
        }
    }
}
