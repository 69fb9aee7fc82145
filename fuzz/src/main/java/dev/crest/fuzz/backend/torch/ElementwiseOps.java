package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;

/**
 * Elementwise operators: unary math and activations, broadcasting arithmetic, comparisons, logic, Where, Cast,
 * Clip and PRelu. PyTorch broadcasts like ONNX (numpy rules), so binary operators map one to one.
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    static void register(Map<String, TorchOp> ops) {
        registerUnary(ops);
        registerBinary(ops);
        registerLogic(ops);
        ops.put("Cast", new SimpleOp(Dtypes.ALL, new int[] {0}, (inputs, attributes) -> castTarget(attributes),
                call -> call.input(0).toType(TorchTensors.requireDataType(castTarget(call.attributes())), false)));
        ops.put("Identity", SimpleOp.unary(Dtypes.ALL, call -> call.input(0)));
        ops.put("Clip", SimpleOp.unary(Dtypes.NUMERIC, ElementwiseOps::clip));
        ops.put("PRelu", new SimpleOp(Dtypes.NUMERIC, new int[] {0, 1}, SimpleOp.sameAs(0), call -> {
            NDArray x = call.input(0);
            return Where.of(x.lt(0), x.mul(call.input(1)), x);
        }));
    }

    private static void registerUnary(Map<String, TorchOp> ops) {
        ops.put("Abs", SimpleOp.unary(Dtypes.NUMERIC, call -> call.input(0).abs()));
        ops.put("Neg", SimpleOp.unary(EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64,
                DType.INT8, DType.INT16, DType.INT32, DType.INT64), call -> call.input(0).neg()));
        floatUnary(ops, "Exp", NDArray::exp);
        floatUnary(ops, "Ceil", NDArray::ceil);
        floatUnary(ops, "Floor", NDArray::floor);
        floatUnary(ops, "Sin", NDArray::sin);
        floatUnary(ops, "Cos", NDArray::cos);
        floatUnary(ops, "Tan", NDArray::tan);
        floatUnary(ops, "Atan", NDArray::atan);
        floatUnary(ops, "Asin", NDArray::asin);
        floatUnary(ops, "Acos", NDArray::acos);
        floatUnary(ops, "Sqrt", NDArray::sqrt);
        floatUnary(ops, "Log", NDArray::log);
        floatUnary(ops, "Reciprocal", x -> x.onesLike().div(x));
        // torch.round rounds half to even, as ONNX Round does.
        floatUnary(ops, "Round", NDArray::round);
        floatUnary(ops, "Tanh", NDArray::tanh);
        floatUnary(ops, "Relu", x -> JniUtils.relu((PtNDArray) x));
        floatUnary(ops, "Sigmoid", x -> JniUtils.sigmoid((PtNDArray) x));
        ops.put("LeakyRelu", SimpleOp.unary(Dtypes.FLOATS,
                call -> JniUtils.leakyRelu(call.pt(0), call.attributes().getDouble("alpha", 0.01))));
        ops.put("Gelu", SimpleOp.unary(Dtypes.FLOATS, ElementwiseOps::gelu));
        ops.put("Softmax", SimpleOp.unary(Dtypes.FLOATS, ElementwiseOps::softmax));
    }

    private static void floatUnary(Map<String, TorchOp> ops, String name, Function<NDArray, NDArray> kernel) {
        ops.put(name, SimpleOp.unary(Dtypes.FLOATS, call -> kernel.apply(call.input(0))));
    }

    private static void registerBinary(Map<String, TorchOp> ops) {
        Set<DType> arithmetic = Dtypes.union(Dtypes.FLOATS, EnumSet.of(DType.INT32, DType.INT64));
        ops.put("Add", binary(arithmetic, call -> call.input(0).add(call.input(1))));
        ops.put("Sub", binary(arithmetic, call -> call.input(0).sub(call.input(1))));
        ops.put("Mul", binary(arithmetic, call -> call.input(0).mul(call.input(1))));
        ops.put("Div", binary(arithmetic, call -> call.inputTypes().get(0).isFloat()
                ? call.input(0).div(call.input(1)) : IntegerDivision.truncate(call.input(0), call.input(1))));
        ops.put("Pow", new SimpleOp(arithmetic, new int[] {0, 1}, SimpleOp.sameAs(0), ElementwiseOps::pow));
        ops.put("Max", variadic(arithmetic, NDArray::maximum));
        ops.put("Min", variadic(arithmetic, NDArray::minimum));
        ops.put("Equal", comparison(Dtypes.ALL, call -> call.input(0).eq(call.input(1))));
        ops.put("Greater", comparison(Dtypes.NUMERIC, call -> call.input(0).gt(call.input(1))));
        ops.put("Less", comparison(Dtypes.NUMERIC, call -> call.input(0).lt(call.input(1))));
    }

    private static void registerLogic(Map<String, TorchOp> ops) {
        ops.put("And", binary(Dtypes.BOOL, call -> call.input(0).logicalAnd(call.input(1))));
        ops.put("Or", binary(Dtypes.BOOL, call -> call.input(0).logicalOr(call.input(1))));
        ops.put("Xor", binary(Dtypes.BOOL, call -> call.input(0).logicalXor(call.input(1))));
        ops.put("Not", SimpleOp.unary(Dtypes.BOOL, call -> call.input(0).logicalNot()));
        ops.put("Where", new SimpleOp(Dtypes.ALL, new int[] {1, 2}, SimpleOp.sameAs(1),
                call -> Where.of(call.input(0), call.input(1), call.input(2))));
    }

    private static SimpleOp binary(Set<DType> dtypes, Function<OpCall, NDArray> kernel) {
        return new SimpleOp(dtypes, new int[] {0, 1}, SimpleOp.sameAs(0), kernel);
    }

    private static SimpleOp comparison(Set<DType> dtypes, Function<OpCall, NDArray> kernel) {
        return new SimpleOp(dtypes, new int[] {0, 1}, SimpleOp.always(DType.BOOL), kernel);
    }

    /** Max and Min of one or more inputs, folded pairwise with broadcasting (NaN propagates, as in ONNX). */
    private static SimpleOp variadic(Set<DType> dtypes,
            java.util.function.BinaryOperator<NDArray> pairwise) {
        return new SimpleOp(dtypes, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, SimpleOp.sameAs(0), call -> {
            NDArray result = call.input(0);
            for (int i = 1; i < call.arity(); i++) {
                result = pairwise.apply(result, call.input(i));
            }
            return result;
        });
    }

    static DType castTarget(dev.crest.tensor.Attributes attributes) {
        long code = attributes.getLong("to");
        try {
            return DType.fromOnnxCode((int) code);
        } catch (RuntimeException e) {
            throw new FuzzException("Cast to ONNX type " + code + " is not translated");
        }
    }

    /**
     * Clip: bounds are optional inputs from opset 11 and attributes before. {@code min(max(x, lo), hi)} gives
     * {@code hi} everywhere when {@code lo > hi}, which is what ONNX specifies, and keeps NaN. An absent bound of a
     * float input is the dtype's lowest or highest finite value (ONNX's {@code numeric_limits} defaults), so
     * infinities are clipped to it; PyTorch's clamp with no bound would keep them.
     */
    private static NDArray clip(OpCall call) {
        NDArray x = call.input(0);
        boolean isFloat = call.inputTypes().get(0).isFloat();
        double highest = isFloat ? highestFinite(call.inputTypes().get(0)) : 0;
        NDArray lo = bound(call, 1, "min", isFloat ? -highest : null);
        NDArray hi = bound(call, 2, "max", isFloat ? highest : null);
        NDArray y = lo == null ? x : x.maximum(lo);
        return hi == null ? y : y.minimum(hi);
    }

    private static NDArray bound(OpCall call, int input, String attribute, Double absent) {
        DataType dataType = call.input(0).getDataType();
        if (call.opset() >= 11 && call.has(input)) {
            return call.input(input);
        }
        if (call.opset() < 11 && call.attributes().has(attribute)) {
            // ONNX float attributes are float32.
            return scalar(call, (float) call.attributes().getDouble(attribute, 0), dataType);
        }
        return absent == null ? null : scalar(call, absent, dataType);
    }

    private static double highestFinite(DType dtype) {
        switch (dtype) {
            case FLOAT16:
                return Float16.MAX_VALUE;
            case FLOAT32:
                return Float.MAX_VALUE;
            default:
                return Double.MAX_VALUE;
        }
    }

    private static NDArray scalar(OpCall call, double value, DataType dataType) {
        return call.manager().create(value).toType(dataType, false);
    }

    /**
     * Pow with ONNX's result dtype (the base's). A float base with an exponent of another dtype computes in
     * float64 and rounds once: PyTorch's own promotion would let a dimensioned float16 exponent outrank a
     * zero-dimensional float32/float64 base and compute (and overflow) in float16, and would round an integer
     * exponent to float32 (changing its parity above 2^24). PyTorch refuses negative integer exponents of
     * integers; ONNX truncates {@code 1 / x^n}, which is 1 for x = 1, ±1 for x = -1 and 0 otherwise.
     */
    private static NDArray pow(OpCall call) {
        NDArray base = call.input(0);
        NDArray exponent = call.input(1);
        if (!call.inputTypes().get(0).isFloat()) {
            NDArray negative = exponent.lt(0);
            NDArray power = base.pow(Where.of(negative, exponent.zerosLike(), exponent));
            NDArray odd = exponent.mod(2).neq(0);
            NDArray one = base.onesLike();
            NDArray ofMinusOne = Where.of(odd, one.neg(), one);
            NDArray inverse = Where.of(base.eq(1), one,
                    Where.of(base.eq(-1), ofMinusOne, base.zerosLike()));
            return Where.of(negative, inverse, power);
        }
        if (exponent.getDataType() != base.getDataType()) {
            // The caller casts the float64 result back to the base's dtype.
            return base.toType(DataType.FLOAT64, false).pow(exponent.toType(DataType.FLOAT64, false));
        }
        return base.pow(exponent);
    }

    /** Gelu: exact (erf) with PyTorch's kernel, or the tanh approximation composed in at least float32. */
    private static NDArray gelu(OpCall call) {
        NDArray x = call.input(0);
        if (!call.attributes().getString("approximate", "none").equals("tanh")) {
            return JniUtils.gelu(call.pt(0));
        }
        // PyTorch's own half-precision kernels compute in float32 ("opmath") too.
        NDArray wide = x.getDataType() == DataType.FLOAT16 ? x.toType(DataType.FLOAT32, false) : x;
        NDArray inner = wide.add(wide.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
        return wide.mul(0.5).mul(inner.tanh().add(1)).toType(x.getDataType(), false);
    }

    /** Softmax along one axis (opset 13) or over the 2-d coercion at {@code axis} (before). */
    private static NDArray softmax(OpCall call) {
        NDArray x = call.input(0);
        int rank = x.getShape().dimension();
        if (call.opset() >= 13) {
            int axis = Axes.normalize(call.attributes().getLong("axis", -1), rank);
            return JniUtils.softmax(call.pt(0), axis, x.getDataType());
        }
        int axis = Axes.normalize(call.attributes().getLong("axis", 1), rank);
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= x.getShape().get(d);
        }
        NDArray flat = x.reshape(outer, -1);
        return JniUtils.softmax((PtNDArray) flat, 1, x.getDataType()).reshape(x.getShape());
    }
}
