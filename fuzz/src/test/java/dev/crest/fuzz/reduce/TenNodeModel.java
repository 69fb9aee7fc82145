package dev.crest.fuzz.reduce;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * A hand-built ten-node float32 model with one Tanh in the middle of the only path to its output:
 * {@code c = Relu(x)·w + x}, {@code y = Transpose(−(Sigmoid(Tanh(c)) · (|x| − c)))}.
 */
final class TenNodeModel {
    static final Shape SHAPE = Shape.of(2, 3, 4);

    private TenNodeModel() {
    }

    static Model model() {
        Graph graph = Graph.builder().name("ten")
                .input("x", TensorType.of(DType.FLOAT32, SHAPE))
                .initializer("w", Tensor.fromDoubles(DType.FLOAT32, SHAPE, ramp(0.25, 0.05)))
                .node(node("Relu", "relu", "a", "x"))
                .node(node("Mul", "scale", "b", "a", "w"))
                .node(node("Add", "skip", "c", "b", "x"))
                .node(node("Tanh", "tanh", "d", "c"))
                .node(node("Sigmoid", "sigmoid", "e", "d"))
                .node(node("Abs", "abs", "f", "x"))
                .node(node("Sub", "sub", "g", "f", "c"))
                .node(node("Mul", "gate", "h", "e", "g"))
                .node(node("Neg", "neg", "i", "h"))
                .node(Node.builder("Transpose").name("transpose").inputs("i").outputs("y")
                        .attributes(Attributes.builder().put("perm", 2, 0, 1).build()).build())
                .output("y", TensorType.of(DType.FLOAT32, 4, 2, 3))
                .build();
        return Model.builder(graph).clearOpsets().opset("", 17).irVersion(8).build();
    }

    /** {@code x}: values from −1.5 upwards in steps of 0.125, so Relu cuts some and keeps others. */
    static Map<String, Tensor> inputs() {
        return Map.of("x", Tensor.fromDoubles(DType.FLOAT32, SHAPE, ramp(-1.5, 0.125)));
    }

    static double[] ramp(double start, double step) {
        double[] values = new double[SHAPE.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = start + step * i;
        }
        return values;
    }

    private static Node node(String op, String name, String output, String... inputs) {
        return Node.builder(op).name(name).inputs(inputs).outputs(output).build();
    }
}
