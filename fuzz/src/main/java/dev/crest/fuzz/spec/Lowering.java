package dev.crest.fuzz.spec;

import dev.crest.tensor.Attributes;

import java.util.List;

/** How one solved operator instance becomes an ONNX node: its attributes and its inputs in ONNX order. */
public record Lowering(Attributes attributes, List<InputSlot> inputs) {
    public Lowering {
        inputs = List.copyOf(inputs);
    }

    /** Data inputs in order, no constants, the given attributes. */
    public static Lowering ofData(Attributes attributes, int dataInputs) {
        return new Lowering(attributes,
                java.util.stream.IntStream.range(0, dataInputs).<InputSlot>mapToObj(InputSlot.Data::new).toList());
    }
}
