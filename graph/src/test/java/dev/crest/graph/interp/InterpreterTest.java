package dev.crest.graph.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private static final TensorType BATCH3 = TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(3));
    private final Interpreter interpreter = Interpreter.standard();

    /** y = -(relu(x) + w), with every intermediate named. */
    private static Model chain() {
        return Model.of(Graph.builder().input("x", BATCH3)
                .initializer("w", Tensor.ofFloats(Shape.of(3), 10, 20, 30))
                .node(Node.of("Relu", List.of("x"), List.of("a")))
                .node(Node.of("Add", List.of("a", "w"), List.of("b")))
                .node(Node.of("Neg", List.of("b"), List.of("y")))
                .output("y", BATCH3).build());
    }

    private static final Tensor X = Tensor.ofFloats(Shape.of(2, 3), -1, 2, -3, 4, -5, 6);

    @Test
    void runsAChainOfNodes() {
        Map<String, Tensor> out = interpreter.run(chain(), Map.of("x", X));
        assertThat(out.keySet()).containsExactly("y");
        assertThat(out.get("y").toDoubleArray()).containsExactly(-10, -22, -30, -14, -20, -36);
    }

    @Test
    void traceKeepsEveryIntermediateValue() {
        Execution run = interpreter.trace(chain(), Map.of("x", X));
        assertThat(run.values().keySet()).containsExactly("w", "x", "a", "b", "y");
        assertThat(run.values().get("a").toDoubleArray()).containsExactly(0, 2, 0, 4, 0, 6);
        assertThat(run.values().get("b").toDoubleArray()).containsExactly(10, 22, 30, 14, 20, 36);
        assertThat(run.output("y").sameAs(interpreter.run(chain(), Map.of("x", X)).get("y"))).isTrue();
    }

    @Test
    void initializerDefaultsCanBeOverridden() {
        Model m = Model.of(chain().graph().toBuilder().input("w", TensorType.of(DType.FLOAT32, 3)).build());
        Tensor w = Tensor.ofFloats(Shape.of(3), 0, 0, 0);
        assertThat(interpreter.run(m, Map.of("x", X, "w", w)).get("y").toDoubleArray())
                .containsExactly(-0.0, -2, -0.0, -4, -0.0, -6);
        assertThat(interpreter.run(m, Map.of("x", X)).get("y").getDouble(0)).isEqualTo(-10);
    }

    @Test
    void inputsAreCheckedAgainstTheDeclaredTypes() {
        assertThatThrownBy(() -> interpreter.run(chain(), Map.of("x", X.cast(DType.FLOAT64))))
                .isInstanceOf(GraphException.class)
                .hasMessage("input 'x' expects float32[N, 3] but got float64[2, 3]");
        assertThatThrownBy(() -> interpreter.run(chain(), Map.of("x", Tensor.zeros(DType.FLOAT32, Shape.of(3, 2)))))
                .hasMessage("input 'x' expects float32[N, 3] but got float32[3, 2]: dimension 1 is 2 instead of 3");
        assertThatThrownBy(() -> interpreter.run(chain(), Map.of()))
                .hasMessage("missing model input 'x'");
        assertThatThrownBy(() -> interpreter.run(chain(), Map.of("x", X, "z", X)))
                .hasMessage("the model has no input named 'z'; its inputs are 'x'");
    }

    @Test
    void symbolicDimensionsMustAgreeAcrossInputs() {
        Model m = Model.of(Graph.builder().input("a", BATCH3).input("b", BATCH3)
                .node(Node.of("Add", List.of("a", "b"), List.of("y"))).output("y", BATCH3).build());
        assertThatThrownBy(() -> interpreter.run(m, Map.of("a", X, "b", Tensor.zeros(DType.FLOAT32, Shape.of(1, 3)))))
                .isInstanceOf(GraphException.class)
                .hasMessage("input 'b' expects float32[N, 3] but got float32[1, 3]: dimension 0 ('N') is 1 but 'N' is already 2");
    }

    @Test
    void unknownOperatorsFailUpFrontInOneMessage() {
        TensorType t = TensorType.of(DType.FLOAT32, 2);
        Model m = Model.builder(Graph.builder().input("x", t)
                .node(Node.of("Relu", List.of("x"), List.of("a")))
                .node(Node.of("FancyOp", List.of("a"), List.of("b")))
                .node(Node.builder("Fused").domain("com.microsoft").inputs("b").outputs("c").build())
                .node(Node.of("FancyOp", List.of("c"), List.of("y")))
                .output("y", t).build()).opset("com.microsoft", 1).build();
        assertThatThrownBy(() -> interpreter.run(m, Map.of("x", Tensor.zeros(DType.FLOAT32, Shape.of(2)))))
                .isInstanceOf(GraphException.class)
                .hasMessage("the model uses operators that Crest cannot execute: FancyOp, com.microsoft:Fused");
    }

    @Test
    void kernelFailureNamesTheNode() {
        TensorType any = TensorType.of(DType.FLOAT32, Dim.unknown());
        Model m = Model.of(Graph.builder().input("a", any).input("b", any)
                .node(Node.builder("Add").name("adder").inputs("a", "b").outputs("y").build())
                .output("y", any).build());
        assertThatThrownBy(() -> interpreter.run(m, Map.of("a", Tensor.zeros(DType.FLOAT32, Shape.of(2)),
                "b", Tensor.zeros(DType.FLOAT32, Shape.of(3)))))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("node 'adder' (Add) failed: ");
    }

    @Test
    void declaredOutputTypeIsChecked() {
        TensorType t = TensorType.of(DType.FLOAT32, 2);
        Model m = Model.of(Graph.builder().input("x", t).node(Node.of("Relu", List.of("x"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, 3)).build());
        assertThatThrownBy(() -> interpreter.run(m, Map.of("x", Tensor.zeros(DType.FLOAT32, Shape.of(2)))))
                .isInstanceOf(GraphException.class)
                .hasMessage("output 'y' is declared float32[3] but the model computed float32[2] (dimension 0 is 2 instead of 3)");
    }

    @Test
    void newerOpsetsAreRefusedAndOlderOnesAccepted() {
        TensorType t = TensorType.of(DType.FLOAT32, 2);
        Graph relu = Graph.builder().input("x", t).node(Node.of("Relu", List.of("x"), List.of("y"))).output("y", t)
                .build();
        Map<String, Tensor> in = Map.of("x", Tensor.ofFloats(Shape.of(2), -1, 1));
        assertThatThrownBy(() -> interpreter.run(Model.builder(relu).opset("", 21).build(), in))
                .isInstanceOf(GraphException.class)
                .hasMessage("the model uses ONNX opset 21; Crest runs opsets 7 to 20");
        assertThatThrownBy(() -> interpreter.run(Model.builder(relu).opset("", 6).build(), in))
                .hasMessage("the model uses ONNX opset 6; Crest runs opsets 7 to 20");
        assertThatThrownBy(() -> interpreter.run(Model.builder(relu).clearOpsets().build(), in))
                .hasMessage("the model does not import the default ONNX opset");

        // Opset 11 passes Unsqueeze's axes as an attribute rather than an input.
        Graph unsqueeze = Graph.builder().input("x", t)
                .node(Node.builder("Unsqueeze").inputs("x").outputs("y")
                        .attributes(Attributes.builder().put("axes", 0L, 2L).build()).build())
                .output("y", TensorType.of(DType.FLOAT32, 1, 2, 1)).build();
        Tensor y = interpreter.run(Model.builder(unsqueeze).opset("", 11).build(), in).get("y");
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 1));
    }

    @Test
    void batchNormalizationWithSpatialZeroIsRefused() {
        TensorType t = TensorType.of(DType.FLOAT32, 1, 2);
        Tensor p = Tensor.ofFloats(Shape.of(2), 1, 1);
        Model m = Model.builder(Graph.builder().input("x", t).initializer("s", p).initializer("b", p)
                .initializer("m", p).initializer("v", p)
                .node(Node.builder("BatchNormalization").name("bn").inputs("x", "s", "b", "m", "v").outputs("y")
                        .attributes(Attributes.builder().put("spatial", 0L).build()).build())
                .output("y", t).build()).opset("", 7).build();
        assertThatThrownBy(() -> interpreter.run(m, Map.of("x", Tensor.zeros(DType.FLOAT32, Shape.of(1, 2)))))
                .isInstanceOf(GraphException.class)
                .hasMessage("node 'bn' (BatchNormalization) uses spatial=0 (opset 7), which Crest does not support");
    }

    @Test
    void constantNodesFeedLaterNodes() {
        TensorType t = TensorType.of(DType.FLOAT32, 2, 3);
        Model m = Model.of(Graph.builder().input("x", t)
                .node(Node.builder("Constant").inputs().outputs("shape")
                        .attributes(Attributes.builder().put("value_ints", 3L, 2L).build()).build())
                .node(Node.of("Reshape", List.of("x", "shape"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, 3, 2)).build());
        Tensor x = Tensor.ofFloats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertThat(interpreter.run(m, Map.of("x", x)).get("y").shape()).isEqualTo(Shape.of(3, 2));

        Model twoValues = Model.of(Graph.builder()
                .node(Node.builder("Constant").name("c").outputs("y").attributes(Attributes.builder()
                        .put("value_int", 1L).put("value_float", 2.0).build()).build())
                .output("y", TensorType.scalar(DType.INT64)).build());
        assertThatThrownBy(() -> interpreter.run(twoValues, Map.of())).isInstanceOf(GraphException.class)
                .hasMessage("node 'c' (Constant) needs exactly one value attribute, got value_float, value_int");
    }

    @Test
    void omittedOptionalInputsReachTheKernelAsNull() {
        TensorType t = TensorType.of(DType.FLOAT32, 3);
        Model m = Model.of(Graph.builder().input("x", t).initializer("hi", Tensor.scalar(DType.FLOAT32, 1))
                .node(Node.builder("Clip").inputs("x", "", "hi").outputs("y").build()).output("y", t).build());
        Tensor y = interpreter.run(m, Map.of("x", Tensor.ofFloats(Shape.of(3), -5, 0.5f, 5))).get("y");
        assertThat(y.toDoubleArray()).containsExactly(-5, 0.5, 1);
    }

    @Test
    void graphOutputsMayBeInputsOrInitializers() {
        TensorType t = TensorType.of(DType.FLOAT32, 1);
        Model m = Model.of(Graph.builder().input("x", t).initializer("c", Tensor.ofFloats(Shape.of(1), 7))
                .output("x", t).output("c", t).build());
        Map<String, Tensor> out = interpreter.run(m, Map.of("x", Tensor.ofFloats(Shape.of(1), 3)));
        assertThat(out.get("x").getDouble(0)).isEqualTo(3);
        assertThat(out.get("c").getDouble(0)).isEqualTo(7);
    }
}
