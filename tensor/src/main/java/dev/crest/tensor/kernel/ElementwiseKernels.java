package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
