package dev.crest.fuzz.gen;

import dev.crest.graph.Model;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The result of one generation: a concrete, runnable ONNX {@link Model} (graph inputs for the input search,
 * data weights as initializers filled with {@link InitialValues}, spec constants as initializers, every leaf
 * value a graph output) together with what produced it: the settings and seed, each node's spec and insertion,
 * and each value's symbolic and concrete shape. Holds no solver objects.
 *
 * @param model the model
 * @param settings the settings it was generated with (the seed among them)
 * @param nodes its nodes in the order they were inserted
 * @param values every value by name: inputs, weights, constants and node outputs
 * @param stats what the generation cost
 */
public record GeneratedModel(Model model, GeneratorSettings settings, List<GeneratedNode> nodes,
        Map<String, GeneratedValue> values, GenerationStats stats) {
    /** Distinguishes the input-value stream from the generator's own, which starts from the bare seed. */
    private static final long INPUT_STREAM = 0x5DEECE66DL;

    public GeneratedModel {
        nodes = List.copyOf(nodes);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public long seed() {
        return settings.seed();
    }

    /** Names of the values whose data the input search chooses: graph inputs, then weights. */
    public List<String> searchable() {
        List<String> names = new ArrayList<>();
        for (ValueRole role : List.of(ValueRole.INPUT, ValueRole.WEIGHT)) {
            values.values().stream().filter(v -> v.role() == role).map(GeneratedValue::name).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** Seeded {@link InitialValues} for every graph input, so the model can run before any search. */
    public Map<String, Tensor> initialInputs() {
        SplittableRandom random = new SplittableRandom(seed() ^ INPUT_STREAM);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (ValueInfo input : model.graph().inputs()) {
            inputs.put(input.name(), InitialValues.uniform(input.type(), random));
        }
        return inputs;
    }
}
