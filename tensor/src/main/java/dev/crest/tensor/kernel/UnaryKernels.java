package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Element-wise math on one tensor, following these ONNX operator versions: Abs-13, Neg-13, Sqrt-13, Exp-13,
 * Log-13, Reciprocal-13, Ceil-13, Floor-13, Round-11, Sin-7, Cos-7, Tan-7, Asin-7, Acos-7, Atan-7 and
 * Clip-13 (which also accepts the Clip-6 form with {@code min}/{@code max} float attributes).
 *
 * <p>Float results are computed in float64 and rounded once to the input's dtype. Transcendental functions use
 * {@link StrictMath} so results are the same on every JVM. NaN inputs give NaN (IEEE semantics: Sqrt and Log of
 * negative numbers are NaN, Log(0) is -inf, Reciprocal(0) is inf); Round rounds half to even; Clip keeps NaN.
 * Integer Abs and Neg work in int64 and wrap, so Abs(int8 -128) is -128 as in two's-complement C.
 */
final class UnaryKernels {
    private UnaryKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Abs", 13, numericKernel("X", ElementwiseTypes.NUMERIC, Math::abs, Math::abs));
        builder.register("Neg", 13, numericKernel("X", ElementwiseTypes.SIGNED_NUMERIC, v -> -v, v -> -v));
        builder.register("Sqrt", 13, floatKernel("X", Math::sqrt));
        builder.register("Exp", 13, floatKernel("input", StrictMath::exp));
        builder.register("Log", 13, floatKernel("input", StrictMath::log));
        builder.register("Reciprocal", 13, floatKernel("X", v -> 1.0 / v));
        builder.register("Ceil", 13, floatKernel("X", Math::ceil));
        builder.register("Floor", 13, floatKernel("X", Math::floor));
        builder.register("Round", 11, floatKernel("X", Math::rint)); // rint rounds half to even, as ONNX asks
        builder.register("Sin", 7, floatKernel("input", StrictMath::sin));
        builder.register("Cos", 7, floatKernel("input", StrictMath::cos));
        builder.register("Tan", 7, floatKernel("input", StrictMath::tan));
        builder.register("Asin", 7, floatKernel("input", StrictMath::asin));
        builder.register("Acos", 7, floatKernel("input", StrictMath::acos));
        builder.register("Atan", 7, floatKernel("input", StrictMath::atan));
        builder.register("Clip", 13, UnaryKernels::clip);
    }

    /** A one-input kernel over float tensors that applies {@code f} in float64. */
    static Kernel floatKernel(String inputName, DoubleUnaryOperator f) {
        return (inputs, attributes) -> {
            KernelArgs.checkCount(inputs, 1, 1);
            Tensor x = KernelArgs.required(inputs, 0, inputName);
            ElementwiseTypes.require(x, inputName, ElementwiseTypes.FLOATS);
            return List.of(ElementwiseLoops.mapFloat(x, f));
        };
    }

    /**
     * A one-input kernel over {@code allowed} dtypes: floats go through {@code onFloats} in float64, integers
     * through {@code onIntegers} in int64.
     */
    static Kernel numericKernel(String inputName, Set<DType> allowed, DoubleUnaryOperator onFloats,
            LongUnaryOperator onIntegers) {
        return (inputs, attributes) -> {
            KernelArgs.checkCount(inputs, 1, 1);
            Tensor x = KernelArgs.required(inputs, 0, inputName);
            ElementwiseTypes.require(x, inputName, allowed);
            return List.of(x.dtype().isFloat()
                    ? ElementwiseLoops.mapFloat(x, onFloats)
                    : ElementwiseLoops.mapLong(x, onIntegers));
        };
    }

    /**
     * Clip-13: {@code Min(max, Max(input, min))}, so when min exceeds max every element becomes max. An absent
     * bound is the dtype's lowest or highest finite value, as the spec and ONNX Runtime define it: a float
     * input of -inf with no min becomes the most negative finite value.
     */
    private static List<Tensor> clip(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 3);
        Tensor x = KernelArgs.required(inputs, 0, "input");
        ElementwiseTypes.require(x, "input", ElementwiseTypes.NUMERIC);
        Tensor min = KernelArgs.optional(inputs, 1);
        Tensor max = KernelArgs.optional(inputs, 2);
        if (x.dtype().isFloat()) {
            double highest = highestFinite(x.dtype());
            double lo = floatBound(x, min, "min", attributes, -highest);
            double hi = floatBound(x, max, "max", attributes, highest);
            return List.of(ElementwiseLoops.mapFloat(x, v -> {
                double clamped = v < lo ? lo : v;
                return clamped > hi ? hi : clamped; // comparisons with NaN are false, so NaN passes through
            }));
        }
        long lo = min == null ? Long.MIN_VALUE : checkBound(x, min, "min").getLong(0);
        long hi = max == null ? Long.MAX_VALUE : checkBound(x, max, "max").getLong(0);
        return List.of(ElementwiseLoops.mapLong(x, v -> Math.min(Math.max(v, lo), hi)));
    }

    private static double floatBound(Tensor x, Tensor bound, String name, Attributes attributes, double absent) {
        if (bound != null) {
            return checkBound(x, bound, name).getDouble(0);
        }
        if (attributes.has(name)) {
            // Clip-6 form; ONNX float attributes are float32, so the value is that float.
            return (float) attributes.getDouble(name, absent);
        }
        return absent;
    }

    private static Tensor checkBound(Tensor x, Tensor bound, String name) {
        KernelArgs.requireSameDType(x, "input", bound, name);
        // ONNX asks for a scalar; ONNX Runtime also takes a one-element 1-D tensor.
        if (!(bound.rank() == 0 || (bound.rank() == 1 && bound.size() == 1))) {
            throw new TensorException("input " + name + " must be a scalar, got shape " + bound.shape());
        }
        return bound;
    }

    /** numeric_limits::max() of a float dtype. */
    private static double highestFinite(DType dtype) {
        switch (dtype) {
            case FLOAT16:
                return Float16.MAX_VALUE;
            case FLOAT32:
                return Float.MAX_VALUE;
            case FLOAT64:
                return Double.MAX_VALUE;
            default:
                throw new IllegalArgumentException(dtype + " is not a float type");
        }
    }
}
