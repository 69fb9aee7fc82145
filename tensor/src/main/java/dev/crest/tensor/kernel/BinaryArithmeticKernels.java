package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Broadcast;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Broadcasting arithmetic, following these ONNX operator versions: Add-14, Sub-14, Mul-14, Div-14 and Pow-15.
 *
 * <p>Add, Sub, Mul and Div take two inputs of one numeric dtype (the opset-6 {@code broadcast}/{@code axis}
 * attributes are also accepted). Floats compute in float64 and round once
 * (for float32 this is exactly IEEE float32 arithmetic, so the float32 loops use it directly); integers compute
 * in int64 and wrap to their width, Div truncates toward zero, and integer division by zero is an error.
 *
 * <p>Pow's base X is int32, int64 or a float type and its exponent Y any numeric dtype; the result has X's
 * dtype. Float results follow C's {@code pow} (so {@code 1^y} is 1 even for NaN y, and {@code (−1)^±inf} is 1,
 * where Java's {@code Math.pow} would give NaN). An integer base with an integer exponent is computed exactly
 * in int64 and wrapped (a negative exponent gives the truncated {@code 1/x^n}: 0 unless |x| is 1, and an error
 * for x = 0); an integer base with a float exponent truncates the float result toward zero, as a C cast does.
 */
final class BinaryArithmeticKernels {
    private BinaryArithmeticKernels() {
    }

    private static final Set<DType> POW_BASE_TYPES =
            ElementwiseTypes.union(ElementwiseTypes.FLOATS, ElementwiseTypes.INT32_INT64);

    /** The four operators that share one kernel shape. */
    private enum Arithmetic {
        ADD, SUB, MUL, DIV;

        double apply(double a, double b) {
            switch (this) {
                case ADD:
                    return a + b;
                case SUB:
                    return a - b;
                case MUL:
                    return a * b;
                default:
                    return a / b;
            }
        }

        long apply(long a, long b) {
            switch (this) {
                case ADD:
                    return a + b;
                case SUB:
                    return a - b;
                case MUL:
                    return a * b;
                default:
                    if (b == 0) {
                        throw new TensorException("integer division by zero");
                    }
                    return a / b; // Java truncates toward zero, as ONNX integer Div does
            }
        }
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Add", 14, arithmeticKernel(Arithmetic.ADD));
        builder.register("Sub", 14, arithmeticKernel(Arithmetic.SUB));
        builder.register("Mul", 14, arithmeticKernel(Arithmetic.MUL));
        builder.register("Div", 14, arithmeticKernel(Arithmetic.DIV));
        builder.register("Pow", 15, BinaryArithmeticKernels::pow);
    }

    private static Kernel arithmeticKernel(Arithmetic op) {
        return (inputs, attributes) -> {
            KernelArgs.checkCount(inputs, 2, 2);
            Tensor a = KernelArgs.required(inputs, 0, "A");
            Tensor b = alignLegacyBroadcast(a, KernelArgs.required(inputs, 1, "B"), attributes);
            DType dtype = ElementwiseTypes.requireCommon(a, "A", b, "B", ElementwiseTypes.NUMERIC);
            if (dtype == DType.FLOAT32) {
                return List.of(float32(op, a, b));
            }
            if (dtype.isFloat()) {
                return List.of(ElementwiseLoops.combineFloat(a, b, dtype, op::apply));
            }
            return List.of(ElementwiseLoops.combineLong(a, b, dtype, op::apply));
        };
    }

    /**
     * The opset-1/6 form of these operators: with {@code broadcast=1} and an {@code axis}, B's dimensions line
     * up with A's starting at {@code axis} instead of at the right. Appending ones to B's shape expresses that
     * in today's multidirectional broadcasting; without {@code axis} the old rule (B is a suffix of A) already
     * is a special case of it.
     */
    private static Tensor alignLegacyBroadcast(Tensor a, Tensor b, Attributes attributes) {
        if (attributes.getLong("broadcast", 0) != 1 || !attributes.has("axis")) {
            return b;
        }
        int axis = Shape.normalizeAxis(attributes.getInt("axis", 0), a.rank());
        int trailing = a.rank() - axis - b.rank();
        if (trailing < 0) {
            throw new TensorException("B of shape " + b.shape() + " does not fit in A of shape " + a.shape()
                    + " from axis " + axis);
        }
        int[] dims = Arrays.copyOf(b.shape().dims(), b.rank() + trailing);
        Arrays.fill(dims, b.rank(), dims.length, 1);
        return b.reshape(Shape.of(dims));
    }

    /**
     * Float32 arithmetic with loops for the shapes training hits most: equal shapes, a scalar operand and a
     * bias row (B repeating along A's trailing dimensions); other layouts go through index maps.
     */
    private static Tensor float32(Arithmetic op, Tensor a, Tensor b) {
        Shape shape = Broadcast.shape(a.shape(), b.shape());
        float[] x = a.float32Data();
        float[] y = b.float32Data();
        float[] out = new float[shape.size()];
        boolean aFull = a.shape().equals(shape);
        boolean bFull = b.shape().equals(shape);
        if (aFull && bFull) {
            sameShape(op, x, y, out);
        } else if (aFull && y.length == 1) {
            scalarRight(op, x, y[0], out);
        } else if (aFull && y.length > 0 && isTrailingBlock(b.shape(), shape)) {
            trailingBlock(op, x, y, out);
        } else {
            int[] mapA = ElementwiseLoops.indexMapOrNull(a.shape(), shape);
            int[] mapB = ElementwiseLoops.indexMapOrNull(b.shape(), shape);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) op.apply(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]);
            }
        }
        return Tensor.wrapFloat32(shape, out);
    }

    private static void sameShape(Arithmetic op, float[] x, float[] y, float[] out) {
        switch (op) {
            case ADD:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] + y[i];
                }
                break;
            case SUB:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] - y[i];
                }
                break;
            case MUL:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] * y[i];
                }
                break;
            default:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] / y[i];
                }
        }
    }

    /** True when {@code in}, ignoring leading ones, equals the trailing dimensions of {@code out} (a bias row). */
    private static boolean isTrailingBlock(Shape in, Shape out) {
        int skip = 0;
        while (skip < in.rank() && in.dim(skip) == 1) {
            skip++;
        }
        int length = in.rank() - skip;
        for (int i = 0; i < length; i++) {
            if (in.dim(skip + i) != out.dim(out.rank() - length + i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code out = x op y} where y repeats every {@code y.length} elements of x, as in adding a bias row. */
    private static void trailingBlock(Arithmetic op, float[] x, float[] y, float[] out) {
        int m = y.length;
        for (int base = 0; base < out.length; base += m) {
            switch (op) {
                case ADD:
                    for (int j = 0; j < m; j++) {
                        out[base + j] = x[base + j] + y[j];
                    }
                    break;
                case SUB:
                    for (int j = 0; j < m; j++) {
                        out[base + j] = x[base + j] - y[j];
                    }
                    break;
                case MUL:
                    for (int j = 0; j < m; j++) {
                        out[base + j] = x[base + j] * y[j];
                    }
                    break;
                default:
                    for (int j = 0; j < m; j++) {
                        out[base + j] = x[base + j] / y[j];
                    }
            }
        }
    }

    private static void scalarRight(Arithmetic op, float[] x, float s, float[] out) {
        switch (op) {
            case ADD:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] + s;
                }
                break;
            case SUB:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] - s;
                }
                break;
            case MUL:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] * s;
                }
                break;
            default:
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[i] / s;
                }
        }
    }

    private static List<Tensor> pow(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 2);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        Tensor y = KernelArgs.required(inputs, 1, "Y");
        ElementwiseTypes.require(x, "X", POW_BASE_TYPES);
        ElementwiseTypes.require(y, "Y", ElementwiseTypes.NUMERIC);
        DType dtype = x.dtype();
        if (dtype.isFloat() || y.dtype().isFloat()) {
            // fromDoubles applies Cast semantics, which truncates toward zero for an integer base.
            return List.of(ElementwiseLoops.combineFloat(x, y, dtype, BinaryArithmeticKernels::powC));
        }
        return List.of(ElementwiseLoops.combineLong(x, y, dtype, BinaryArithmeticKernels::powExact));
    }

    /** C99 {@code pow}: like {@link StrictMath#pow} except where C defines a result Java leaves NaN. */
    static double powC(double base, double exponent) {
        if (base == 1.0 || (base == -1.0 && Double.isInfinite(exponent))) {
            return 1.0;
        }
        return StrictMath.pow(base, exponent);
    }

    /** Integer power by repeated squaring, wrapping in int64; a negative exponent truncates 1/base^n. */
    static long powExact(long base, long exponent) {
        if (exponent < 0) {
            if (base == 0) {
                throw new TensorException("integer 0 raised to the negative power " + exponent);
            }
            if (base == 1) {
                return 1;
            }
            if (base == -1) {
                return (exponent & 1) == 0 ? 1 : -1;
            }
            return 0;
        }
        long result = 1;
        long factor = base;
        long e = exponent;
        while (e != 0) {
            if ((e & 1) != 0) {
                result *= factor;
            }
            factor *= factor;
            e >>>= 1;
        }
        return result;
    }
}
