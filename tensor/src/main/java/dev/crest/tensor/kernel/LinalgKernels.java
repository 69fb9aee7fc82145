package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class LinalgKernels {
    private LinalgKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
