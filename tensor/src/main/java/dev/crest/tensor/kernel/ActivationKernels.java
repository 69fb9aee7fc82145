package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;
import java.util.Set;

/**
 * Activation functions, following these ONNX operator versions: Relu-14, LeakyRelu-16, PRelu-16, Sigmoid-13,
 * Tanh-13, Gelu-20 and Softmax-13.
 *
 * <p>Float results are computed in float64 and rounded once. NaN behaviour: every activation maps NaN to NaN
 * (Relu(NaN) is NaN, as ONNX Runtime's {@code max(x, 0)} gives), and a Softmax slice containing NaN is NaN
 * throughout. Gelu(−inf) is NaN because the ONNX formula {@code 0.5·x·(1 + erf(x/√2))} multiplies −inf by 0,
 * which ONNX Runtime and the ONNX reference implementation do too; Gelu(+inf) is +inf.
 */
final class ActivationKernels {
    private ActivationKernels() {
    }

    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double SQRT_TWO_OVER_PI = 0.7978845608028654;
    /** PRelu-16's T among Crest's dtypes: the floats, int32 and int64. */
    private static final Set<DType> PRELU_TYPES =
            ElementwiseTypes.union(ElementwiseTypes.FLOATS, ElementwiseTypes.INT32_INT64);

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Relu", 14, ActivationKernels::relu);
        builder.register("LeakyRelu", 16, ActivationKernels::leakyRelu);
        builder.register("PRelu", 16, ActivationKernels::prelu);
        builder.register("Sigmoid", 13, UnaryKernels.floatKernel("X", ActivationKernels::sigmoid));
        builder.register("Tanh", 13, UnaryKernels.floatKernel("input", StrictMath::tanh));
        builder.register("Gelu", 20, ActivationKernels::gelu);
        builder.register("Softmax", 13, ActivationKernels::softmax);
    }

    /** The logistic function, in the form that never overflows {@code exp}. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-x));
        }
        double e = StrictMath.exp(x);
        return e / (1.0 + e); // also the NaN path: NaN >= 0 is false and exp(NaN) is NaN
    }

    /** Exact Gelu: {@code 0.5·x·(1 + erf(x/√2))}, using erfc on the negative side to keep its tiny values. */
    static double geluExact(double x) {
        double z = x * SQRT_HALF;
        return x >= 0 ? 0.5 * x * (1.0 + ActivationErf.erf(z)) : 0.5 * x * ActivationErf.erfc(-z);
    }

    /** Tanh-approximated Gelu: {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}. */
    static double geluTanh(double x) {
        return 0.5 * x * (1.0 + StrictMath.tanh(SQRT_TWO_OVER_PI * (x + 0.044715 * x * x * x)));
    }

    /** Relu-14 on floats and signed integers, with a direct float32 loop since training runs it on every layer. */
    private static List<Tensor> relu(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        ElementwiseTypes.require(x, "X", ElementwiseTypes.SIGNED_NUMERIC);
        if (x.dtype() == DType.FLOAT32) {
            float[] in = x.float32Data();
            float[] out = new float[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = in[i] < 0 ? 0f : in[i]; // NaN < 0 is false, so NaN passes through
            }
            return List.of(Tensor.wrapFloat32(x.shape(), out));
        }
        if (x.dtype().isFloat()) {
            return List.of(ElementwiseLoops.mapFloat(x, v -> v < 0 ? 0.0 : v));
        }
        return List.of(ElementwiseLoops.mapLong(x, v -> Math.max(v, 0)));
    }

    private static List<Tensor> leakyRelu(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        ElementwiseTypes.require(x, "X", ElementwiseTypes.FLOATS);
        double alpha = (float) attributes.getDouble("alpha", 0.01); // ONNX float attributes are float32
        return List.of(ElementwiseLoops.mapFloat(x, v -> v >= 0 ? v : alpha * v));
    }

    /** PRelu-16: {@code slope} broadcasts unidirectionally to X, so the output always has X's shape. */
    private static List<Tensor> prelu(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 2);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        Tensor slope = KernelArgs.required(inputs, 1, "slope");
        ElementwiseTypes.requireCommon(x, "X", slope, "slope", PRELU_TYPES);
        int[] map = slopeIndexMap(slope.shape(), x.shape());
        int n = x.size();
        if (x.dtype().isFloat()) {
            double[] xs = x.toDoubleArray();
            double[] ss = slope.toDoubleArray();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double v = xs[i];
                out[i] = v > 0 ? v : v * ss[map == null ? i : map[i]];
            }
            return List.of(Tensor.fromDoubles(x.dtype(), x.shape(), out));
        }
        long[] xs = x.toLongArray();
        long[] ss = slope.toLongArray();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long v = xs[i];
            out[i] = v > 0 ? v : v * ss[map == null ? i : map[i]];
        }
        return List.of(Tensor.fromLongs(x.dtype(), x.shape(), out));
    }

    private static int[] slopeIndexMap(Shape slope, Shape x) {
        try {
            return ElementwiseLoops.indexMapOrNull(slope, x);
        } catch (TensorException e) {
            throw new TensorException("slope of shape " + slope + " cannot be broadcast to X of shape " + x, e);
        }
    }

    private static List<Tensor> gelu(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        ElementwiseTypes.require(x, "X", ElementwiseTypes.FLOATS);
        String approximate = attributes.getString("approximate", "none");
        switch (approximate) {
            case "none":
                return List.of(ElementwiseLoops.mapFloat(x, ActivationKernels::geluExact));
            case "tanh":
                return List.of(ElementwiseLoops.mapFloat(x, ActivationKernels::geluTanh));
            default:
                throw new TensorException("attribute 'approximate' must be \"none\" or \"tanh\", got \""
                        + approximate + "\"");
        }
    }

    /**
     * Softmax-13: normalizes each slice along {@code axis} (default −1), subtracting the slice maximum before
     * {@code exp} so large inputs do not overflow. A slice with NaN, or with +inf, or entirely −inf is NaN.
     */
    private static List<Tensor> softmax(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "input");
        ElementwiseTypes.require(x, "input", ElementwiseTypes.FLOATS);
        Shape shape = x.shape();
        int axis = shape.normalizeAxis(attributes.getInt("axis", -1));
        int[] dims = shape.dims();
        int length = dims[axis];
        int inner = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int outer = length * inner == 0 ? 0 : shape.size() / (length * inner);
        double[] values = x.toDoubleArray();
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * length * inner + i;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < length; k++) {
                    max = Math.max(max, values[base + k * inner]);
                }
                double sum = 0;
                for (int k = 0; k < length; k++) {
                    int at = base + k * inner;
                    values[at] = StrictMath.exp(values[at] - max);
                    sum += values[at];
                }
                for (int k = 0; k < length; k++) {
                    values[base + k * inner] /= sum;
                }
            }
        }
        return List.of(Tensor.fromDoubles(x.dtype(), shape, values));
    }
}
