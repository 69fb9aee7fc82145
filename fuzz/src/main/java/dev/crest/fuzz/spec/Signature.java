package dev.crest.fuzz.spec;

import dev.crest.tensor.DType;

import java.util.List;

/** One dtype combination an operator accepts: the element types of its data inputs and of its outputs. */
public record Signature(List<DType> inputs, List<DType> outputs) {
    public Signature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** All inputs and outputs share one dtype. */
    public static Signature uniform(DType dtype, int inputCount, int outputCount) {
        return new Signature(java.util.Collections.nCopies(inputCount, dtype),
                java.util.Collections.nCopies(outputCount, dtype));
    }
}
