package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.ArrayList;
import java.util.List;

/**
 * Max-13 and Min-13: the element-wise extreme of one or more tensors of one numeric dtype, under
 * multidirectional broadcasting. NaN propagates (a NaN in any input makes that output element NaN), as ONNX
 * Runtime does; between −0 and +0 the earlier input wins, as with C++'s {@code std::max}.
 */
final class VariadicKernels {
    private VariadicKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Max", 13, (inputs, attributes) -> extreme(inputs, attributes, true));
        builder.register("Min", 13, (inputs, attributes) -> extreme(inputs, attributes, false));
    }

    private static List<Tensor> extreme(List<Tensor> inputs, Attributes attributes, boolean max) {
        if (inputs.isEmpty()) {
            throw new TensorException("expects at least 1 input, got 0");
        }
        List<Tensor> tensors = new ArrayList<>(inputs.size());
        List<String> names = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String name = "data_" + i;
            tensors.add(KernelArgs.required(inputs, i, name));
            names.add(name);
        }
        DType dtype = ElementwiseTypes.requireCommon(tensors, names, ElementwiseTypes.NUMERIC);
        // Folding pairwise is exact: each intermediate element is one of the inputs' elements.
        Tensor result = tensors.get(0);
        for (int i = 1; i < tensors.size(); i++) {
            Tensor next = tensors.get(i);
            if (dtype.isFloat()) {
                result = ElementwiseLoops.combineFloat(result, next, dtype,
                        max ? VariadicKernels::max : VariadicKernels::min);
            } else {
                result = ElementwiseLoops.combineLong(result, next, dtype, max ? Math::max : Math::min);
            }
        }
        return List.of(result);
    }

    /** {@code (a < b) ? b : a}, like {@code std::max}, but NaN if either is NaN. */
    static double max(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return a < b ? b : a;
    }

    /** {@code (b < a) ? b : a}, like {@code std::min}, but NaN if either is NaN. */
    static double min(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return b < a ? b : a;
    }
}
