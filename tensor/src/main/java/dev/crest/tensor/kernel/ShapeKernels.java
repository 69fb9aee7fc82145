package dev.crest.tensor.kernel;

/** Kernel group under construction; its owner fills registerAll. */
final class ShapeKernels {
    private ShapeKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
    }
}
