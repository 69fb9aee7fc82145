package dev.crest.fuzz.diff;

import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * For an operator that accumulates (sums terms or multiplies factors), the largest magnitude an intermediate
 * result of the accumulation can reach, per output element, whatever order and grouping an engine adds or
 * multiplies in: the quantity that decides whether an accumulator kept in a narrow type can overflow although the
 * result fits. ONNX fixes neither the order nor the accumulator's precision.
 *
 * <p>For a sum of terms t₁…tₙ every partial sum (of any subset, so of any order and any tree) lies between
 * −N and P, where P is the sum of the positive terms and N that of the magnitudes of the negative ones, and both
 * are reached; the bound is max(P, N) = (Σ|tᵢ| + |Σtᵢ|) / 2, computed in float64 from two runs of Crest's
 * kernels, one on the inputs' magnitudes. The terms are: {@code ReduceSum} and {@code ReduceMean} the reduced
 * elements (a mean is a sum divided afterwards); {@code AveragePool} the window's elements; {@code MatMul} the
 * products a·b; {@code Conv} the products x·w and the bias; {@code Gemm} the products a·b, and because an engine
 * may apply alpha before or after summing and may start from beta·C, the larger of the bound over the products
 * a·b alone and over the terms α·a·b and β·c. For a product ({@code ReduceProd}) every partial product of a
 * subset of the factors is at most the product of the factors of magnitude above 1, which is reached; it exceeds
 * the final result's magnitude only when some factor has a magnitude below 1.
 */
final class AccumulationBound {
    /** The operators this class bounds, all those Crest has a kernel for that accumulate. */
    static final Set<String> OPERATORS = Set.of("ReduceSum", "ReduceMean", "ReduceProd", "MatMul", "Gemm", "Conv",
            "AveragePool");

    private static final KernelRegistry KERNELS = KernelRegistry.standard();

    private AccumulationBound() {
    }

    /**
     * The bound for each element of {@code node}'s first output, in the output's flat order, computed from
     * {@code values} (the reference's value of every input by name); empty when {@code node} does not accumulate or
     * an input is missing.
     */
    static Optional<double[]> of(Node node, Map<String, Tensor> values) {
        if (!OPERATORS.contains(node.opType()) || !node.domain().isEmpty()) {
            return Optional.empty();
        }
        List<Tensor> inputs = new ArrayList<>();
        for (String name : node.inputs()) {
            Tensor value = name.isEmpty() ? null : values.get(name);
            if (!name.isEmpty() && value == null) {
                return Optional.empty();
            }
            inputs.add(value == null || !value.dtype().isFloat() ? value : value.cast(DType.FLOAT64));
        }
        if (inputs.isEmpty() || inputs.get(0) == null) {
            return Optional.empty();
        }
        Attributes attributes = node.attributes();
        switch (node.opType()) {
            case "ReduceSum":
            case "ReduceMean":
                return Optional.of(sumBound(
                        run("ReduceSum", inputs, attributes), run("ReduceSum", magnitudes(inputs, 1), attributes)));
            case "ReduceProd":
                return Optional.of(run("ReduceProd", mapFirst(inputs, x -> Math.max(Math.abs(x), 1)), attributes)
                        .toDoubleArray());
            case "MatMul":
            case "Conv":
                return Optional.of(sumBound(run(node.opType(), inputs, attributes),
                        run(node.opType(), magnitudes(inputs, inputs.size()), attributes)));
            case "Gemm":
                return Optional.of(gemm(inputs, attributes));
            case "AveragePool":
                return windowSums(inputs.get(0), attributes);
            default:
                throw new IllegalStateException("no bound for " + node.opType());
        }
    }

    private static double[] gemm(List<Tensor> inputs, Attributes attributes) {
        double alpha = attributes.getDouble("alpha", 1.0);
        double beta = attributes.getDouble("beta", 1.0);
        List<Tensor> ab = inputs.subList(0, 2);
        double[] products = sumBound(run("Gemm", ab, gemmAttributes(attributes, 1, 0)),
                run("Gemm", magnitudes(ab, 2), gemmAttributes(attributes, 1, 0)));
        double[] terms = sumBound(run("Gemm", inputs, gemmAttributes(attributes, alpha, beta)),
                run("Gemm", magnitudes(inputs, inputs.size()), gemmAttributes(attributes, Math.abs(alpha),
                        Math.abs(beta))));
        for (int i = 0; i < products.length; i++) {
            products[i] = Math.max(products[i], terms[i]);
        }
        return products;
    }

    private static Attributes gemmAttributes(Attributes node, double alpha, double beta) {
        return Attributes.builder().put("transA", node.getLong("transA", 0)).put("transB", node.getLong("transB", 0))
                .put("alpha", alpha).put("beta", beta).build();
    }

    /**
     * An average pool's window sums: the pool as a convolution of each channel alone with a kernel of ones
     * (padding contributes zeros), cropped to the pool's output. {@code ceil_mode} lets the last window run past
     * the end padding, which the convolution is given as extra end padding.
     */
    private static Optional<double[]> windowSums(Tensor x, Attributes attributes) {
        int[] dims = x.shape().dims();
        int spatial = dims.length - 2;
        long[] kernel = attributes.has("kernel_shape") ? attributes.getLongs("kernel_shape") : null;
        if (spatial < 1 || kernel == null || kernel.length != spatial) {
            return Optional.empty();
        }
        long[] strides = longs(attributes, "strides", spatial, 1);
        Attributes.Builder conv = Attributes.builder().put("kernel_shape", kernel).put("strides", strides)
                .put("dilations", longs(attributes, "dilations", spatial, 1));
        String autoPad = attributes.getString("auto_pad", "NOTSET");
        if (autoPad.equals("NOTSET")) {
            long[] pads = longs(attributes, "pads", 2 * spatial, 0);
            if (attributes.getLong("ceil_mode", 0) == 1) {
                for (int d = 0; d < spatial; d++) {
                    pads[spatial + d] += strides[d] - 1;
                }
            }
            conv.put("pads", pads);
        } else {
            conv.put("auto_pad", autoPad);
        }
        int[] planes = dims.clone();
        planes[0] = dims[0] * dims[1];
        planes[1] = 1;
        Tensor perChannel = x.reshape(Shape.of(planes));
        int[] ones = new int[dims.length];
        Arrays.fill(ones, 1);
        for (int d = 0; d < spatial; d++) {
            ones[d + 2] = (int) kernel[d];
        }
        Tensor w = Tensor.full(DType.FLOAT64, Shape.of(ones), 1.0);
        Attributes convAttributes = conv.build();
        Tensor signed = run("Conv", List.of(perChannel, w), convAttributes);
        double[] sums = sumBound(signed, run("Conv", List.of(magnitude(perChannel), w), convAttributes));
        Tensor pooled = run("AveragePool", List.of(x), attributes);
        return crop(sums, signed.shape().dims(), pooled.shape().dims());
    }

    /** The elements of {@code values} (shaped [N·C, 1, o'…]) at the positions of a pool output [N, C, o…]. */
    private static Optional<double[]> crop(double[] values, int[] from, int[] to) {
        int rank = to.length;
        for (int d = 2; d < rank; d++) {
            if (from[d] < to[d]) {
                return Optional.empty();
            }
        }
        int size = 1;
        for (int d : to) {
            size *= d;
        }
        double[] cropped = new double[size];
        int[] coordinate = new int[rank];
        for (int flat = 0; flat < size; flat++) {
            int rest = flat;
            for (int d = rank - 1; d >= 0; d--) {
                coordinate[d] = rest % to[d];
                rest /= to[d];
            }
            int index = coordinate[0] * to[1] + coordinate[1];
            for (int d = 2; d < rank; d++) {
                index = index * from[d] + coordinate[d];
            }
            cropped[flat] = values[index];
        }
        return Optional.of(cropped);
    }

    private static long[] longs(Attributes attributes, String name, int length, long fill) {
        if (attributes.has(name)) {
            return attributes.getLongs(name).clone();
        }
        long[] values = new long[length];
        Arrays.fill(values, fill);
        return values;
    }

    /** max(P, N) = (Σ|t| + |Σt|) / 2 element-wise, from the signed sums and the sums of magnitudes. */
    private static double[] sumBound(Tensor signed, Tensor magnitudes) {
        double[] s = signed.toDoubleArray();
        double[] m = magnitudes.toDoubleArray();
        double[] bound = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            bound[i] = (m[i] + Math.abs(s[i])) / 2;
        }
        return bound;
    }

    private static Tensor run(String opType, List<Tensor> inputs, Attributes attributes) {
        return KERNELS.run(opType, inputs, attributes).get(0);
    }

    /** {@code inputs} with the first {@code count} float tensors replaced by their magnitudes. */
    private static List<Tensor> magnitudes(List<Tensor> inputs, int count) {
        List<Tensor> changed = new ArrayList<>(inputs);
        for (int i = 0; i < count; i++) {
            Tensor t = changed.get(i);
            if (t != null && t.dtype().isFloat()) {
                changed.set(i, magnitude(t));
            }
        }
        return changed;
    }

    private static List<Tensor> mapFirst(List<Tensor> inputs, DoubleUnaryOperator f) {
        List<Tensor> changed = new ArrayList<>(inputs);
        changed.set(0, map(inputs.get(0), f));
        return changed;
    }

    private static Tensor magnitude(Tensor t) {
        return map(t, Math::abs);
    }

    private static Tensor map(Tensor t, DoubleUnaryOperator f) {
        double[] values = t.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(values[i]);
        }
        return Tensor.fromDoubles(DType.FLOAT64, t.shape(), values);
    }
}
