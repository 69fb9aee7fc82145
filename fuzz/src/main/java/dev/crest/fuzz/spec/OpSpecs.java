package dev.crest.fuzz.spec;

import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.DType;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of operator specifications by ONNX name, registered explicitly (no classpath scanning), in a
 * stable order so that a seed always draws the same operators.
 */
public final class OpSpecs {
    /** Float element types every float operator is specified for. */
    public static final List<DType> FLOATS = List.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64);

    private final Map<String, OpSpec> byName;

    private OpSpecs(Map<String, OpSpec> byName) {
        this.byName = byName;
    }

    /** Every operator Crest specifies. */
    public static OpSpecs standard() {
        Map<String, OpSpec> specs = new LinkedHashMap<>();
        register(specs, new UnaryElementwiseSpec("Relu", OpFamily.ACTIVATION, FLOATS, false));
        register(specs, new BroadcastBinarySpec("Add", OpFamily.BINARY_ARITHMETIC,
                List.of(Signature.uniform(DType.FLOAT16, 2, 1), Signature.uniform(DType.FLOAT32, 2, 1),
                        Signature.uniform(DType.FLOAT64, 2, 1), Signature.uniform(DType.INT32, 2, 1),
                        Signature.uniform(DType.INT64, 2, 1)), false));
        return new OpSpecs(specs);
    }

    private static void register(Map<String, OpSpec> specs, OpSpec spec) {
        if (specs.putIfAbsent(spec.opType(), spec) != null) {
            throw new IllegalStateException("operator specified twice: " + spec.opType());
        }
    }

    public Collection<OpSpec> all() {
        return byName.values();
    }

    /** The spec of {@code opType}, or a user error naming the operators that exist. */
    public OpSpec get(String opType) {
        OpSpec spec = byName.get(opType);
        if (spec == null) {
            throw new FuzzException("unknown operator '" + opType + "'; known: " + String.join(", ", byName.keySet()));
        }
        return spec;
    }

    /** The registry restricted to the named operators (each must exist). */
    public OpSpecs only(Collection<String> opTypes) {
        Map<String, OpSpec> subset = new LinkedHashMap<>();
        for (String name : opTypes) {
            subset.put(name, get(name));
        }
        return new OpSpecs(subset);
    }
}
