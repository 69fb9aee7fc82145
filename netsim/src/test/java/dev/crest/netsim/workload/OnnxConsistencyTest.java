package dev.crest.netsim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.interp.Execution;
import dev.crest.graph.interp.Interpreter;
import dev.crest.netsim.workload.ConvNetBuilder.FeatureMap;
import dev.crest.netsim.workload.ConvNetBuilder.Tail;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ONNX path and the zoo's layer descriptions must count the same network the same way. */
class OnnxConsistencyTest {

    private static Tensor floats(int... dims) {
        return Tensor.zeros(DType.FLOAT32, Shape.of(dims));
    }

    @Test
    void onnxConvNetCostsWhatTheZooBuilderSaysForTheSameNetwork() {
        // conv 3→8 3×3 pad 1 + BN + ReLU, 2×2 max pool, a residual-free 1×1 conv 8→16 + BN + ReLU, global
        // average pool, fully connected 16→10, on 3×16×16 images
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(3), Dim.of(16), Dim.of(16)))
                .initializer("c1.W", floats(8, 3, 3, 3))
                .initializer("bn1.s", floats(8)).initializer("bn1.b", floats(8))
                .initializer("bn1.m", floats(8)).initializer("bn1.v", floats(8))
                .initializer("c2.W", floats(16, 8, 1, 1))
                .initializer("bn2.s", floats(16)).initializer("bn2.b", floats(16))
                .initializer("bn2.m", floats(16)).initializer("bn2.v", floats(16))
                .initializer("fc.W", floats(10, 16)).initializer("fc.B", floats(10))
                .node(Node.builder("Conv").name("c1").inputs("x", "c1.W").outputs("a")
                        .attributes(Attributes.builder().put("pads", 1L, 1L, 1L, 1L).build()).build())
                .node(Node.of("BatchNormalization", List.of("a", "bn1.s", "bn1.b", "bn1.m", "bn1.v"), List.of("b")))
                .node(Node.of("Relu", List.of("b"), List.of("c")))
                .node(Node.builder("MaxPool").name("pool").inputs("c").outputs("d")
                        .attributes(Attributes.builder().put("kernel_shape", 2L, 2L).put("strides", 2L, 2L).build())
                        .build())
                .node(Node.of("Conv", List.of("d", "c2.W"), List.of("e")))
                .node(Node.of("BatchNormalization", List.of("e", "bn2.s", "bn2.b", "bn2.m", "bn2.v"), List.of("f")))
                .node(Node.of("Relu", List.of("f"), List.of("h")))
                .node(Node.of("GlobalAveragePool", List.of("h"), List.of("i")))
                .node(Node.of("Flatten", List.of("i"), List.of("j")))
                .node(Node.builder("Gemm").name("fc").inputs("j", "fc.W", "fc.B").outputs("y")
                        .attributes(Attributes.builder().put("transB", 1L).build()).build())
                .output("y", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(10)))
                .build();

        ConvNetBuilder b = new ConvNetBuilder("same", "3×16×16");
        FeatureMap x = b.conv("c1", new FeatureMap(3, 16, 16), 8, 3, 1, 1, Tail.BN_RELU);
        x = b.maxPool("pool", x, 2, 2, 0);
        x = b.conv("c2", x, 16, 1, 1, 0, Tail.BN_RELU);
        x = b.globalAvgPool("gap", x);
        b.fc("fc", x, 10, false);
        Architecture zoo = b.build();

        int batch = 5;
        double onnxFlops = OnnxWorkloads.layers(Model.of(g), batch).stream().mapToDouble(Layer::forwardFlops).sum();
        assertThat(onnxFlops).isEqualTo((double) zoo.forwardFlopsPerExample() * batch);
        Workload w = OnnxWorkloads.workload("same", Model.of(g), WorkloadSettings.defaults());
        assertThat(w.totalBits()).isEqualTo(zoo.parameterCount() * 32);
        assertThat(w.tensors()).hasSize(zoo.tensorCount());
    }

    @Test
    void sliceExpandAndTransposeRulesAgreeWithTheReferenceInterpreter() {
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(1), Dim.of(9)))
                .initializer("starts", Tensor.ofLongs(Shape.of(2), 1, -1))
                .initializer("ends", Tensor.ofLongs(Shape.of(2), -1, -100))
                .initializer("axes", Tensor.ofLongs(Shape.of(2), 2, 0))
                .initializer("steps", Tensor.ofLongs(Shape.of(2), 3, -2))
                .initializer("to", Tensor.ofLongs(Shape.of(3), 1, 4, 1))
                .initializer("target", Tensor.ofLongs(Shape.of(2), 0, -1))
                .node(Node.of("Slice", List.of("x", "starts", "ends", "axes", "steps"), List.of("s")))
                .node(Node.of("Expand", List.of("s", "to"), List.of("e")))
                .node(Node.builder("Transpose").name("t").inputs("e").outputs("t")
                        .attributes(Attributes.builder().put("perm", 2L, 0L, 1L).build()).build())
                .node(Node.of("Reshape", List.of("t", "target"), List.of("r")))
                .initializer("reduced", Tensor.ofLongs(Shape.of(1), 1))
                .node(Node.builder("ReduceMean").name("mean").inputs("r", "reduced").outputs("m")
                        .attributes(Attributes.builder().put("keepdims", 0L).build()).build())
                .output("m", TensorType.unranked(DType.FLOAT32))
                .build();
        Model model = Model.of(g);
        Execution run = Interpreter.standard().trace(model, Map.of("x", floats(7, 1, 9)));
        OnnxShapes shapes = new OnnxShapes(g, 7);
        for (Node node : g.nodes()) {
            shapes.propagate(node);
            String out = node.outputs().get(0);
            assertThat(shapes.get(out).dims()).as(out).containsExactly(run.values().get(out).shape().dimsAsLongs());
        }
    }

    @Test
    void anEmptyAxesInputWithNoopKeepsTheShapeAsTheInterpreterDoes() {
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(3)))
                .initializer("none", Tensor.ofLongs(Shape.of(0)))
                .node(Node.builder("ReduceSum").name("sum").inputs("x", "none").outputs("s")
                        .attributes(Attributes.builder().put("noop_with_empty_axes", 1L).build()).build())
                .output("s", TensorType.unranked(DType.FLOAT32))
                .build();
        Execution run = Interpreter.standard().trace(Model.of(g), Map.of("x", floats(2, 3)));
        OnnxShapes shapes = new OnnxShapes(g, 2);
        shapes.propagate(g.nodes().get(0));
        assertThat(shapes.get("s").dims()).containsExactly(run.values().get("s").shape().dimsAsLongs())
                .containsExactly(2L, 3L);
    }
}
