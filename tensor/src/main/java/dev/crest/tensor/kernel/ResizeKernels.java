package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class ResizeKernels {
    private ResizeKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
