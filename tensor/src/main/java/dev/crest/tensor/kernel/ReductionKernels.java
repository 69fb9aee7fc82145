package dev.crest.tensor.kernel;

/**
 * Registers the reduction operators, each following the ONNX definition whose version it is registered with
 * (the newest at or below opset {@link KernelRegistry#OPSET}): ReduceSum-13, ReduceMean-18, ReduceProd-18,
 * ReduceMax-20, ReduceMin-20, ArgMax-13 and ArgMin-13. Reductions also accept the pre-18 (ReduceSum: pre-13)
 * {@code axes} attribute.
 */
final class ReductionKernels {
    private ReductionKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("ReduceSum", 13, ReduceKernel.kernel(ReduceKernel.Kind.SUM));
        builder.register("ReduceMean", 18, ReduceKernel.kernel(ReduceKernel.Kind.MEAN));
        builder.register("ReduceProd", 18, ReduceKernel.kernel(ReduceKernel.Kind.PROD));
        builder.register("ReduceMax", 20, ReduceKernel.kernel(ReduceKernel.Kind.MAX));
        builder.register("ReduceMin", 20, ReduceKernel.kernel(ReduceKernel.Kind.MIN));
        builder.register("ArgMax", 13, ArgKernel.kernel(true));
        builder.register("ArgMin", 13, ArgKernel.kernel(false));
    }
}
