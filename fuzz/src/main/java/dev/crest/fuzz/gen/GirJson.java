package dev.crest.fuzz.gen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.graph.Dim;
import dev.crest.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code gir.json} document of a generated model: provenance (seed, settings, opset, generation costs), every
 * value with its role, concrete shape, solver symbols and defining expressions, and every node with its operator,
 * attributes, inputs, outputs and insertion. It explains how the generator reasoned; the model itself is in
 * {@code model.onnx}.
 */
public final class GirJson {
    /** Format name and version, so readers can tell documents of future layouts apart. */
    public static final String FORMAT = "crest-gir/1";
    /** Tensor-valued attributes up to this many elements are written out in full. */
    private static final int INLINE_TENSOR_ELEMENTS = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GirJson() {
    }

    /** The document as nested maps and lists, in a stable key order. */
    public static Map<String, Object> toDocument(GeneratedModel generated) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("seed", generated.seed());
        doc.put("opset", generated.settings().opset());
        doc.put("settings", settings(generated.settings()));
        GenerationStats stats = generated.stats();
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("attempts", stats.attempts());
        generation.put("solverChecks", stats.solverChecks());
        generation.put("solverExtensions", stats.solverExtensions());
        generation.put("solverGaveUp", stats.solverGaveUp());
        generation.put("binsProposed", stats.binsProposed());
        generation.put("binsKept", stats.binsKept());
        doc.put("generation", generation);
        for (ValueRole role : List.of(ValueRole.INPUT, ValueRole.WEIGHT, ValueRole.CONSTANT)) {
            doc.put(role.name().toLowerCase(java.util.Locale.ROOT) + "s", generated.values().values().stream()
                    .filter(v -> v.role() == role).map(GeneratedValue::name).toList());
        }
        doc.put("outputs", generated.model().graph().outputs().stream().map(v -> v.name()).toList());
        doc.put("values", generated.values().values().stream().map(GirJson::value).toList());
        doc.put("nodes", generated.nodes().stream().map(GirJson::node).toList());
        return doc;
    }

    /** The document as indented JSON text. */
    public static String toJson(GeneratedModel generated) {
        try {
            return MAPPER.writeValueAsString(toDocument(generated)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize gir.json", e);
        }
    }

    private static Map<String, Object> settings(GeneratorSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nodes", settings.nodes());
        map.put("operators", settings.operators().stream().map(OpSpec::opType).toList());
        map.put("maxElements", settings.maxElements());
        map.put("maxRank", settings.maxRank());
        map.put("solverEffort", settings.solverEffort());
        map.put("solverTimeoutMillis", settings.solverTimeout().toMillis());
        map.put("binning", settings.binning());
        return map;
    }

    private static Map<String, Object> value(GeneratedValue value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", value.name());
        map.put("role", value.role().name().toLowerCase(java.util.Locale.ROOT));
        map.put("dtype", value.type().dtype().displayName());
        map.put("shape", value.type().dims().stream().map(Dim::size).toList());
        map.put("symbolicShape", value.symbolicDims());
        if (!value.definition().isEmpty() || value.role() == ValueRole.NODE_OUTPUT) {
            map.put("definition", value.definition());
        }
        if (value.producer() != null) {
            map.put("producer", value.producer());
        }
        return map;
    }

    private static Map<String, Object> node(GeneratedNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", node.name());
        map.put("opType", node.opType());
        map.put("family", node.spec().family().name().toLowerCase(java.util.Locale.ROOT));
        map.put("insertion", node.insertion().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("inputs", node.signature().inputs().stream().map(d -> d.displayName()).toList());
        signature.put("outputs", node.signature().outputs().stream().map(d -> d.displayName()).toList());
        map.put("signature", signature);
        map.put("domainLimited", node.spec().domainLimited());
        Map<String, Object> attributes = new LinkedHashMap<>();
        node.node().attributes().asMap().forEach((name, v) -> attributes.put(name, attributeValue(v)));
        map.put("attributes", attributes);
        map.put("inputs", node.node().inputs());
        map.put("outputs", node.node().outputs());
        map.put("reusedInputs", node.reusedInputs());
        return map;
    }

    private static Object attributeValue(Object value) {
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof long[] longs) {
            return Arrays.stream(longs).boxed().toList();
        }
        if (value instanceof double[] doubles) {
            return Arrays.stream(doubles).mapToObj(GirJson::number).toList();
        }
        if (value instanceof String[] strings) {
            return List.of(strings);
        }
        if (value instanceof Tensor tensor) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("dtype", tensor.dtype().displayName());
            map.put("shape", Arrays.stream(tensor.shape().dims()).boxed().toList());
            if (tensor.size() <= INLINE_TENSOR_ELEMENTS) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < tensor.size(); i++) {
                    values.add(tensor.dtype().isFloat() ? number(tensor.getDouble(i)) : (Object) tensor.getLong(i));
                }
                map.put("values", values);
            }
            return map;
        }
        return value;
    }

    /** JSON has no NaN or infinities; they are written as strings. */
    private static Object number(double value) {
        return Double.isFinite(value) ? (Object) value : Double.toString(value);
    }
}
