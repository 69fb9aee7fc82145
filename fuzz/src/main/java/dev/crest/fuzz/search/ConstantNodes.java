package dev.crest.fuzz.search;

import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

/**
 * The value of an ONNX {@code Constant} node, which the kernel registry (and so the tape) does not run: the
 * reference interpreter evaluates it itself, and the search's replay needs the same value.
 */
final class ConstantNodes {
    static final String OP_TYPE = "Constant";

    private ConstantNodes() {
    }

    static Tensor value(Node node) {
        Attributes a = node.attributes();
        if (a.has("value")) {
            return a.getTensor("value");
        }
        if (a.has("value_float")) {
            return Tensor.scalar(DType.FLOAT32, a.getDouble("value_float", 0));
        }
        if (a.has("value_floats")) {
            double[] v = a.getDoubles("value_floats");
            return Tensor.fromDoubles(DType.FLOAT32, Shape.of(v.length), v);
        }
        if (a.has("value_int")) {
            return Tensor.fromLongs(DType.INT64, Shape.scalar(), new long[] {a.getLong("value_int")});
        }
        if (a.has("value_ints")) {
            long[] v = a.getLongs("value_ints");
            return Tensor.fromLongs(DType.INT64, Shape.of(v.length), v);
        }
        throw new IllegalArgumentException("node " + node.describe()
                + " has no numeric value attribute the input search can read");
    }
}
