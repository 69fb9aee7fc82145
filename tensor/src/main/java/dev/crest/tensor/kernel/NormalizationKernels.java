package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class NormalizationKernels {
    private NormalizationKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
