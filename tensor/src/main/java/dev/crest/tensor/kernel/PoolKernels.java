package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class PoolKernels {
    private PoolKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
