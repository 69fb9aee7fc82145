package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class ReductionKernels {
    private ReductionKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
