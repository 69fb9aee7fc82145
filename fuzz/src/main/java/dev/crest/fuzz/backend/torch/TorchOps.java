package dev.crest.fuzz.backend.torch;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The ONNX operators the torch backend translates, by ONNX name (default domain). */
final class TorchOps {
    private static final Map<String, TorchOp> STANDARD = build();

    private TorchOps() {
    }

    private static Map<String, TorchOp> build() {
        Map<String, TorchOp> ops = new TreeMap<>();
        ElementwiseOps.register(ops);
        ReductionOps.register(ops);
        ShapeOps.register(ops);
        ops.put("Pad", SimpleOp.unary(Dtypes.ALL, PadOp::apply));
        LayerOps.register(ops);
        PoolOps.register(ops);
        return Collections.unmodifiableMap(ops);
    }

    /** The translation of {@code opType}, if there is one. */
    static Optional<TorchOp> get(String opType) {
        return Optional.ofNullable(STANDARD.get(opType));
    }

    /** Every translated operator name, sorted. */
    static java.util.Set<String> names() {
        return STANDARD.keySet();
    }
}
