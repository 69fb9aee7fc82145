package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class ConvKernels {
    private ConvKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
