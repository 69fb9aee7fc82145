package dev.crest.fuzz.spec;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

/** Builders for the constant inputs specs compute in {@code lower}: int64 vectors and scalars of a dtype. */
final class ConstantInputs {
    private ConstantInputs() {
    }

    /** A 1-D int64 tensor, the form ONNX uses for shapes, axes, pads, starts and repeats. */
    static InputSlot.Constant int64s(long... values) {
        return new InputSlot.Constant(Tensor.ofLongs(Shape.of(values.length), values));
    }

    /** A scalar of {@code dtype} holding {@code value} (converted with ONNX Cast semantics). */
    static InputSlot.Constant scalar(DType dtype, double value) {
        return new InputSlot.Constant(Tensor.scalar(dtype, value));
    }

    /** An empty float32 tensor, which Resize-11 and -12 take for an unused {@code roi} or {@code scales}. */
    static InputSlot.Constant emptyFloats() {
        return new InputSlot.Constant(Tensor.ofFloats(Shape.of(0)));
    }
}
