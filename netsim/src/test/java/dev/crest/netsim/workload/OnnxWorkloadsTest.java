package dev.crest.netsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.example.ExampleModels;
import dev.crest.graph.interp.Execution;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.netsim.NetsimException;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxWorkloadsTest {
    @TempDir
    Path dir;

    private static Tensor floats(int... dims) {
        return Tensor.zeros(DType.FLOAT32, Shape.of(dims));
    }

    /**
     * x[N,4] → MatMul w1[4,3] → Add b1[3] → Relu → Reshape(shape=[-1,3]) → Mul(scale) → Gemm(w2[2,3]ᵀ, b2[2])
     * → Softmax; plus an unused float initializer.
     */
    static Model mlp() {
        Graph g = Graph.builder().name("mlp")
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(4)))
                .initializer("w1", floats(4, 3))
                .initializer("b1", floats(3))
                .initializer("shape", Tensor.ofLongs(Shape.of(2), -1, 3))
                .initializer("scale", Tensor.scalar(DType.FLOAT32, 0.5))
                .initializer("w2", floats(2, 3))
                .initializer("b2", floats(2))
                .initializer("unused", floats(5))
                .node(Node.of("MatMul", List.of("x", "w1"), List.of("h0")))
                .node(Node.of("Add", List.of("h0", "b1"), List.of("h1")))
                .node(Node.of("Relu", List.of("h1"), List.of("h2")))
                .node(Node.of("Reshape", List.of("h2", "shape"), List.of("h3")))
                .node(Node.of("Mul", List.of("h3", "scale"), List.of("h4")))
                .node(Node.builder("Gemm").name("fc2").inputs("h4", "w2", "b2").outputs("y")
                        .attributes(Attributes.builder().put("transB", 1L).build()).build())
                .node(Node.builder("Softmax").name("softmax").inputs("y").outputs("p")
                        .attributes(Attributes.builder().put("axis", 1L).build()).build())
                .output("p", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(2)))
                .build();
        return Model.of(g);
    }

    @Test
    void mlpTensorsAndFlopsMatchAHandCount() {
        Path file = dir.resolve("mlp.onnx");
        OnnxModels.write(mlp(), file);
        // batch 32: MatMul 2·32·4·3 = 768; Add, Relu, Mul 96 each; Reshape 0; Gemm 2·32·3·2 + 64 = 448;
        // Softmax 3·64 = 192. Total 1696 FLOPs, so 1696 FLOP/s gives a 1 s forward pass.
        WorkloadSettings settings = new WorkloadSettings(1696, 32, 2, OptionalDouble.empty());
        List<Layer> layers = OnnxWorkloads.layers(OnnxModels.read(file), 32);
        assertThat(layers).extracting(Layer::forwardFlops).containsExactly(768.0, 96.0, 96.0, 0.0, 96.0, 448.0, 192.0);

        Workload w = Workloads.resolve(file.toString(), settings);
        assertThat(w.name()).isEqualTo("mlp.onnx");
        // the int64 shape, the scalar scale and the unused initializer are not parameters
        assertThat(w.tensors()).containsExactly(new TensorSpec("w1", 12 * 32), new TensorSpec("b1", 3 * 32),
                new TensorSpec("w2", 6 * 32), new TensorSpec("b2", 2 * 32));
        assertThat(w.forwardSeconds()).isCloseTo(1.0, within(1e-12));
        // reverse: Softmax + Gemm = 640 FLOPs → w2, b2 at 2·640/1696; then Mul, Reshape, Relu, Add (928) → b1;
        // MatMul last → w1 at 2 s
        assertThat(w.backprop()).extracting(GradientEmission::tensorIndex).containsExactly(2, 3, 1, 0);
        double[] expected = {2 * 640 / 1696.0, 2 * 640 / 1696.0, 2 * 928 / 1696.0, 2.0};
        for (int i = 0; i < expected.length; i++) {
            assertThat(w.backprop().get(i).secondsAfterBackpropStart()).isCloseTo(expected[i], within(1e-12));
        }
    }

    /**
     * x[N,1,6,6] → Conv(2×1×3×3, bias, pads 1) → BatchNormalization → Relu → MaxPool 2×2/2 → Reshape to [N,-1]
     * (the shape computed by Shape → Gather → Unsqueeze → Concat, as exporters write it) → Gemm(18→4).
     */
    static Model cnn() {
        return cnn(true);
    }

    /** {@link #cnn()}, flattening with {@code Flatten} instead of the exporter-style shape arithmetic. */
    static Model cnn(boolean exporterStyleReshape) {
        Graph.Builder g = Graph.builder().name("cnn")
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("batch"), Dim.of(1), Dim.of(6), Dim.of(6)))
                .initializer("conv.W", floats(2, 1, 3, 3))
                .initializer("conv.B", floats(2))
                .initializer("bn.scale", Tensor.full(DType.FLOAT32, Shape.of(2), 1))
                .initializer("bn.bias", floats(2))
                .initializer("bn.mean", floats(2))
                .initializer("bn.var", Tensor.full(DType.FLOAT32, Shape.of(2), 1))
                .initializer("zero", Tensor.ofLongs(Shape.scalar(), 0))
                .initializer("axes0", Tensor.ofLongs(Shape.of(1), 0))
                .initializer("minus1", Tensor.ofLongs(Shape.of(1), -1))
                .initializer("fc.W", floats(18, 4))
                .initializer("fc.B", floats(4))
                .node(Node.builder("Conv").name("conv").inputs("x", "conv.W", "conv.B").outputs("c")
                        .attributes(Attributes.builder().put("pads", 1L, 1L, 1L, 1L).build()).build())
                .node(Node.of("BatchNormalization", List.of("c", "bn.scale", "bn.bias", "bn.mean", "bn.var"),
                        List.of("n")))
                .node(Node.of("Relu", List.of("n"), List.of("r")))
                .node(Node.builder("MaxPool").name("pool").inputs("r").outputs("m")
                        .attributes(Attributes.builder().put("kernel_shape", 2L, 2L).put("strides", 2L, 2L).build())
                        .build());
        if (exporterStyleReshape) {
            g.node(Node.of("Shape", List.of("m"), List.of("s")))
                .node(Node.of("Gather", List.of("s", "zero"), List.of("n0")))
                .node(Node.of("Unsqueeze", List.of("n0", "axes0"), List.of("n1")))
                .node(Node.builder("Concat").name("cat").inputs("n1", "minus1").outputs("target")
                        .attributes(Attributes.builder().put("axis", 0L).build()).build())
                .node(Node.of("Reshape", List.of("m", "target"), List.of("f")));
        } else {
            g.node(Node.of("Flatten", List.of("m"), List.of("f")));
        }
        g.node(Node.of("Gemm", List.of("f", "fc.W", "fc.B"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, Dim.symbolic("batch"), Dim.of(4)));
        return Model.of(g.build());
    }

    @Test
    void cnnTensorsAndFlopsMatchAHandCount() {
        // batch 2: Conv 2·(2·2·6·6 = 144 outputs)·(1·3·3) + 144 bias = 2736; BatchNormalization 2·144 = 288;
        // Relu 144; MaxPool 4·(2·2·3·3 = 36) = 144; shape arithmetic and Reshape 0; Gemm 2·2·4·18 + 8 = 296
        List<Layer> layers = OnnxWorkloads.layers(cnn(), 2);
        assertThat(layers).extracting(Layer::forwardFlops)
                .containsExactly(2736.0, 288.0, 144.0, 144.0, 0.0, 0.0, 0.0, 0.0, 0.0, 296.0);
        Workload w = OnnxWorkloads.workload("cnn", cnn(), WorkloadSettings.defaults().withBatchSize(2));
        // running statistics of batch norm are not gradients
        assertThat(w.tensors()).containsExactly(new TensorSpec("conv.W", 18 * 32), new TensorSpec("conv.B", 64),
                new TensorSpec("bn.scale", 64), new TensorSpec("bn.bias", 64), new TensorSpec("fc.W", 72 * 32),
                new TensorSpec("fc.B", 128));
        assertThat(w.backpropSeconds()).isCloseTo(2 * w.forwardSeconds(), within(1e-15));
    }

    @Test
    void propagatedShapesAgreeWithTheReferenceInterpreter() {
        // the interpreter has no Shape kernel, so compare on the Flatten variant
        Model model = cnn(false);
        Execution run = Interpreter.standard().trace(model, Map.of("x", floats(3, 1, 6, 6)));
        OnnxShapes shapes = new OnnxShapes(model.graph(), 3);
        for (Node node : model.graph().nodes()) {
            shapes.propagate(node);
            for (String out : node.outputs()) {
                assertThat(shapes.get(out).dims()).as(out).containsExactly(run.values().get(out).shape().dimsAsLongs());
                assertThat(shapes.get(out).dtype()).as(out).isEqualTo(run.values().get(out).dtype());
            }
        }
    }

    @Test
    void workDerivedFromWeightsAloneIsFoldedAndFree() {
        // w (300×300, too large to evaluate) → Transpose → Mul by 2 → MatMul with the input: only the MatMul costs
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(300)))
                .initializer("w", floats(300, 300))
                .initializer("two", Tensor.scalar(DType.FLOAT32, 2))
                .node(Node.of("Transpose", List.of("w"), List.of("wt")))
                .node(Node.of("Mul", List.of("wt", "two"), List.of("w2")))
                .node(Node.of("MatMul", List.of("x", "w2"), List.of("y")))
                .output("y", TensorType.unranked(DType.FLOAT32))
                .build();
        assertThat(OnnxWorkloads.layers(Model.of(g), 4)).extracting(Layer::forwardFlops)
                .containsExactly(0.0, 0.0, 2.0 * 4 * 300 * 300);
        // the weight's gradient is complete once the backward pass reaches its first reader
        Workload w = OnnxWorkloads.workload("folded", Model.of(g), WorkloadSettings.defaults().withBatchSize(4));
        assertThat(w.tensors()).containsExactly(new TensorSpec("w", 90_000L * 32));
        assertThat(w.backpropSeconds()).isCloseTo(2 * w.forwardSeconds(), within(1e-15));
    }

    @Test
    void quickStartExampleModel() {
        // ExampleModels.mlp: MatMul 16→32, Add, Relu, Gemm 32→10 with bias, Softmax; batch 8
        Model model = ExampleModels.mlp(ExampleModels.SEED);
        double b = 8;
        assertThat(OnnxWorkloads.layers(model, 8)).extracting(Layer::forwardFlops).containsExactly(
                2 * b * 16 * 32, b * 32, b * 32, 2 * b * 32 * 10 + b * 10, 3 * b * 10);
        Workload w = OnnxWorkloads.workload("mlp", model, WorkloadSettings.defaults());
        assertThat(w.tensors()).extracting(TensorSpec::name).containsExactly("w1", "b1", "w2", "b2");
        assertThat(w.totalBits()).isEqualTo((16 * 32 + 32 + 10 * 32 + 10) * 32L);
    }

    @Test
    void halfPrecisionWeightsAre16BitsPerElement() {
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT16, Dim.unknown(), Dim.of(4)))
                .initializer("w", Tensor.zeros(DType.FLOAT16, Shape.of(4, 8)))
                .node(Node.of("MatMul", List.of("x", "w"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT16, Dim.unknown(), Dim.of(8)))
                .build();
        Workload w = OnnxWorkloads.workload("half", Model.of(g), WorkloadSettings.defaults());
        assertThat(w.tensors()).containsExactly(new TensorSpec("w", 32 * 16));
        // an unknown batch dimension takes the batch size (32): 2·32·8·4 FLOPs
        assertThat(OnnxWorkloads.layers(Model.of(g), 32).get(0).forwardFlops()).isEqualTo(2.0 * 32 * 8 * 4);
    }

    @Test
    void symbolicNonBatchDimensionIsRefused() {
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.symbolic("seq")))
                .initializer("w", floats(4, 4))
                .node(Node.of("MatMul", List.of("x", "w"), List.of("y")))
                .output("y", TensorType.unranked(DType.FLOAT32))
                .build();
        assertThatThrownBy(() -> OnnxWorkloads.workload("m", Model.of(g), WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("'seq'").hasMessageContaining("axis 1");
    }

    @Test
    void malformedFileIsAOneLineNetsimError() throws IOException {
        Path file = dir.resolve("broken.onnx");
        Files.write(file, new byte[] {0x0a, (byte) 0xff, 0x13, 0x37, 0x42});
        assertThatThrownBy(() -> Workloads.resolve(file.toString(), WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("broken.onnx")
                .hasMessageNotContaining("\n");
    }

    @Test
    void modelWithoutWeightsIsRefused() {
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, Dim.of(2)))
                .node(Node.of("Relu", List.of("x"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, Dim.of(2)))
                .build();
        assertThatThrownBy(() -> OnnxWorkloads.workload("relu", Model.of(g), WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("no parameter tensors");
    }

    @Test
    void convWhoseWindowDoesNotFitIsReported() {
        Graph g = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, Dim.of(1), Dim.of(1), Dim.of(2), Dim.of(2)))
                .initializer("w", floats(1, 1, 3, 3))
                .node(Node.of("Conv", List.of("x", "w"), List.of("y")))
                .output("y", TensorType.unranked(DType.FLOAT32))
                .build();
        assertThatThrownBy(() -> OnnxWorkloads.workload("c", Model.of(g), WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("too small");
    }
}
