package dev.crest.fuzz.testing;

import dev.crest.fuzz.backend.OpDtype;
import dev.crest.fuzz.backend.ProbeCase;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Map;

/** Small hand-built models for backend tests. */
public final class TestModels {
    private TestModels() {
    }

    /** {@code y = op(x)} on {@code x: dtype[n]}. */
    public static Model unary(String opType, DType dtype, int n) {
        Graph graph = Graph.builder().name(opType.toLowerCase(java.util.Locale.ROOT))
                .input("x", TensorType.of(dtype, n))
                .node(Node.builder(opType).name("op").inputs("x").outputs("y").build())
                .output("y", TensorType.of(dtype, n))
                .build();
        return Model.of(graph);
    }

    /** {@code x} as a 1-d tensor of {@code dtype}. */
    public static Map<String, Tensor> input(DType dtype, double... values) {
        return Map.of("x", Tensor.fromDoubles(dtype, Shape.of(values.length), values));
    }

    /** A probe case for {@code op(x)} on a 1-d tensor of four ones. */
    public static ProbeCase probe(String opType, DType dtype) {
        return ProbeCase.of(new OpDtype(opType, dtype), unary(opType, dtype, 4), input(dtype, 1, 1, 1, 1));
    }
}
