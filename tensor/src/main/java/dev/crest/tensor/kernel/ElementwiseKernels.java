package dev.crest.tensor.kernel;

/**
 * Registers the element-wise operators: one-input math ({@link UnaryKernels}), activations
 * ({@link ActivationKernels}), broadcasting arithmetic ({@link BinaryArithmeticKernels}), comparisons and logic
 * ({@link BinaryLogicKernels}), variadic Max/Min ({@link VariadicKernels}), Where
 * ({@link ElementwiseWhereKernel}) and Cast/Identity ({@link CastKernels}). Each group's Javadoc names the ONNX
 * operator versions it follows and its NaN behaviour.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        UnaryKernels.registerAll(builder);
        ActivationKernels.registerAll(builder);
        BinaryArithmeticKernels.registerAll(builder);
        BinaryLogicKernels.registerAll(builder);
        VariadicKernels.registerAll(builder);
        ElementwiseWhereKernel.registerAll(builder);
        CastKernels.registerAll(builder);
    }
}
