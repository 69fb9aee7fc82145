package dev.crest.fuzz.diff;

import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One differential test: a model (as the IR and as the exact ONNX bytes every backend receives), its inputs,
 * the reference outputs when already known (the input search computes them; empty means "ask the reference
 * backend"), and the provenance needed to re-create it.
 *
 * @param model the model
 * @param modelBytes the model serialized as ONNX, the bytes sent to backends and saved with a finding
 * @param inputs input tensors by name, in the model's input order
 * @param referenceOutputs the reference interpreter's outputs by name, or empty when not computed yet
 * @param seed the seed the case was generated from
 * @param provenance free-form facts about where the case came from (generator settings, operator list, …)
 */
public record TestCase(Model model, byte[] modelBytes, Map<String, Tensor> inputs, Map<String, Tensor> referenceOutputs,
        long seed, Map<String, String> provenance) {
    public TestCase {
        Objects.requireNonNull(model);
        Objects.requireNonNull(modelBytes);
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        referenceOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(referenceOutputs));
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** A case for {@code model} whose reference outputs are yet to be computed. */
    public static TestCase of(Model model, Map<String, Tensor> inputs, long seed) {
        return new TestCase(model, OnnxModels.toBytes(model), inputs, Map.of(), seed, Map.of());
    }

    /** A case for {@code model} with known reference outputs. */
    public static TestCase of(Model model, Map<String, Tensor> inputs, Map<String, Tensor> referenceOutputs, long seed) {
        return new TestCase(model, OnnxModels.toBytes(model), inputs, referenceOutputs, seed, Map.of());
    }

    /** The same case with reference outputs filled in. */
    public TestCase withReferenceOutputs(Map<String, Tensor> outputs) {
        return new TestCase(model, modelBytes, inputs, outputs, seed, provenance);
    }

    /** The same case with provenance recorded. */
    public TestCase withProvenance(Map<String, String> facts) {
        return new TestCase(model, modelBytes, inputs, referenceOutputs, seed, facts);
    }
}
