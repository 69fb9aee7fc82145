package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Set;
import java.util.function.LongBinaryOperator;

/**
 * Broadcasting comparisons and boolean logic with bool outputs, following these ONNX operator versions:
 * Equal-19, Greater-13, Less-13, And-7, Or-7, Xor-7 and Not-1.
 *
 * <p>Both inputs of a comparison must share one dtype (Equal also takes bool). Floats compare as IEEE values,
 * so every comparison with NaN is false (Equal(NaN, NaN) too) and −0 equals +0; integers compare exactly in
 * int64, never through float64.
 */
final class BinaryLogicKernels {
    private BinaryLogicKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Equal", 19, comparisonKernel(ElementwiseTypes.ALL,
                (a, b) -> a == b, (a, b) -> a == b));
        builder.register("Greater", 13, comparisonKernel(ElementwiseTypes.NUMERIC,
                (a, b) -> a > b, (a, b) -> a > b));
        builder.register("Less", 13, comparisonKernel(ElementwiseTypes.NUMERIC,
                (a, b) -> a < b, (a, b) -> a < b));
        builder.register("And", 7, logicKernel((a, b) -> a & b));
        builder.register("Or", 7, logicKernel((a, b) -> a | b));
        builder.register("Xor", 7, logicKernel((a, b) -> a ^ b));
        builder.register("Not", 1, BinaryLogicKernels::not);
    }

    private static Kernel comparisonKernel(Set<DType> allowed, ElementwiseLoops.DoubleComparison onFloats,
            ElementwiseLoops.LongComparison onIntegers) {
        return (inputs, attributes) -> {
            KernelArgs.checkCount(inputs, 2, 2);
            Tensor a = KernelArgs.required(inputs, 0, "A");
            Tensor b = KernelArgs.required(inputs, 1, "B");
            ElementwiseTypes.requireCommon(a, "A", b, "B", allowed);
            return List.of(ElementwiseLoops.compare(a, b, onFloats, onIntegers));
        };
    }

    /** A kernel over two bool tensors; bools are stored as 0/1, so bitwise operators are the logical ones. */
    private static Kernel logicKernel(LongBinaryOperator op) {
        return (inputs, attributes) -> {
            KernelArgs.checkCount(inputs, 2, 2);
            Tensor a = KernelArgs.required(inputs, 0, "A");
            Tensor b = KernelArgs.required(inputs, 1, "B");
            ElementwiseTypes.requireCommon(a, "A", b, "B", ElementwiseTypes.BOOL);
            return List.of(ElementwiseLoops.combineLong(a, b, DType.BOOL, op));
        };
    }

    /** Not-1, the one unary member of the group. */
    private static List<Tensor> not(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        ElementwiseTypes.require(x, "X", ElementwiseTypes.BOOL);
        return List.of(ElementwiseLoops.mapLong(x, v -> v ^ 1));
    }
}
