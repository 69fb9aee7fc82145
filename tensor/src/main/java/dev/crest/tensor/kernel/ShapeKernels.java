package dev.crest.tensor.kernel;

/**
 * Registers the shape and indexing operators, each following the ONNX definition whose version it is registered
 * with (the newest at or below opset {@link KernelRegistry#OPSET}): Reshape-19, Flatten-13, Squeeze-13,
 * Unsqueeze-13, Transpose-13, Expand-13, Concat-13, Slice-13, Gather-13, Tile-13, Trilu-14 and Pad-19. They work
 * on every dtype and copy values exactly; older attribute forms of Reshape, Squeeze, Unsqueeze, Slice and Pad
 * are accepted as well.
 */
final class ShapeKernels {
    private ShapeKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Reshape", 19, ShapeViewKernels::reshape);
        builder.register("Flatten", 13, ShapeViewKernels::flatten);
        builder.register("Squeeze", 13, ShapeViewKernels::squeeze);
        builder.register("Unsqueeze", 13, ShapeViewKernels::unsqueeze);
        builder.register("Transpose", 13, TransposeKernel::apply);
        builder.register("Expand", 13, ShapeRepeatKernels::expand);
        builder.register("Tile", 13, ShapeRepeatKernels::tile);
        builder.register("Concat", 13, ShapeConcatKernel::apply);
        builder.register("Slice", 13, SliceKernel::apply);
        builder.register("Gather", 13, GatherKernel::apply);
        builder.register("Trilu", 14, ShapeTriluKernel::apply);
        builder.register("Pad", 19, PadKernel::apply);
    }
}
