package dev.crest.graph.interp;

import dev.crest.graph.GraphException;
import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;

/**
 * ONNX {@code Constant} (opset 13), which exporters use for shapes and scalars: it computes nothing but yields
 * the tensor held in exactly one of its attributes. The interpreter runs it itself when the kernel registry has
 * no {@code Constant} kernel; the fuzzer's tape replay and netsim's shape inference read the same value here.
 */
public final class ConstantOp {
    public static final String OP_TYPE = "Constant";

    private static final List<String> VALUE_ATTRIBUTES = List.of("value", "value_float", "value_floats", "value_int",
            "value_ints", "value_string", "value_strings", "sparse_value");

    private ConstantOp() {
    }

    /** The tensor the node yields; a node without exactly one supported value attribute is a GraphException. */
    public static Tensor value(Node node) {
        Attributes a = node.attributes();
        List<String> given = VALUE_ATTRIBUTES.stream().filter(a::has).toList();
        if (given.size() != 1) {
            throw new GraphException("node " + node.describe() + " needs exactly one value attribute, got "
                    + (given.isEmpty() ? "none" : String.join(", ", given)));
        }
        switch (given.get(0)) {
            case "value":
                return a.getTensor("value");
            case "value_float":
                return Tensor.scalar(DType.FLOAT32, a.getDouble("value_float", 0));
            case "value_floats": {
                double[] v = a.getDoubles("value_floats");
                return Tensor.fromDoubles(DType.FLOAT32, Shape.of(v.length), v);
            }
            case "value_int":
                return Tensor.fromLongs(DType.INT64, Shape.scalar(), new long[] {a.getLong("value_int")});
            case "value_ints": {
                long[] v = a.getLongs("value_ints");
                return Tensor.fromLongs(DType.INT64, Shape.of(v.length), v);
            }
            default:
                throw new GraphException("node " + node.describe() + " holds a " + given.get(0)
                        + ", which Crest does not support");
        }
    }
}
