package dev.crest.fuzz.backend;

import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * A one-node model that exercises one operator × dtype combination, with inputs to run it on; the generator
 * builds these from its specs, the capability probe runs them.
 *
 * @param combination the combination under test
 * @param modelBytes the one-node model as ONNX bytes
 * @param inputs inputs for the model
 */
public record ProbeCase(OpDtype combination, byte[] modelBytes, Map<String, Tensor> inputs) {
    public ProbeCase {
        inputs = Map.copyOf(inputs);
    }

    /** A probe case for {@code model}. */
    public static ProbeCase of(OpDtype combination, Model model, Map<String, Tensor> inputs) {
        return new ProbeCase(combination, OnnxModels.toBytes(model), inputs);
    }
}
