package dev.crest.fuzz.spec;

import dev.crest.tensor.Tensor;

/**
 * One ONNX input position of a lowered node: a data input (a value of the graph, by its index among the
 * operator's data inputs), a constant the spec computes from the solved attributes (Reshape's shape, Slice's
 * starts, Clip's bounds), or an omitted optional input.
 */
public sealed interface InputSlot {
    /** The {@code index}-th data input of the operator instance. */
    record Data(int index) implements InputSlot {
    }

    /** A constant tensor, emitted as an initializer. */
    record Constant(Tensor value) implements InputSlot {
    }

    /** An omitted optional input ({@code ""} in ONNX). */
    record Omitted() implements InputSlot {
    }
}
