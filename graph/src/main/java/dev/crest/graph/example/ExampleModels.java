package dev.crest.graph.example;

import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.TestDataSet;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the example model shipped for the CLI's quick start ({@code examples/mlp/}): a small seeded MLP
 * classifier and one ONNX test data set whose expected output comes from the reference interpreter. Run
 * {@link #main} to regenerate the committed files; a test checks they equal what this class produces.
 */
public final class ExampleModels {
    /** Seed of the committed example. */
    public static final long SEED = 42;
    /** Input features, hidden units and classes of the MLP. */
    public static final int FEATURES = 16;
    public static final int HIDDEN = 32;
    public static final int CLASSES = 10;
    /** Rows in the example test data set. */
    public static final int BATCH = 2;

    private ExampleModels() {
    }

    /**
     * {@code probabilities = Softmax(Gemm(Relu(MatMul(input, w1) + b1), w2, b2))} on {@code input: float32[batch, 16]},
     * with weights drawn uniformly from ±1/√fan_in.
     */
    public static Model mlp(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TensorType in = TensorType.of(DType.FLOAT32, Dim.symbolic("batch"), Dim.of(FEATURES));
        TensorType out = TensorType.of(DType.FLOAT32, Dim.symbolic("batch"), Dim.of(CLASSES));
        Graph graph = Graph.builder().name("mlp")
                .input("input", in)
                .initializer("w1", uniform(random, FEATURES, Shape.of(FEATURES, HIDDEN)))
                .initializer("b1", uniform(random, FEATURES, Shape.of(HIDDEN)))
                .initializer("w2", uniform(random, HIDDEN, Shape.of(CLASSES, HIDDEN)))
                .initializer("b2", uniform(random, HIDDEN, Shape.of(CLASSES)))
                .node(Node.builder("MatMul").name("fc1_matmul").inputs("input", "w1").outputs("fc1_linear").build())
                .node(Node.builder("Add").name("fc1_bias").inputs("fc1_linear", "b1").outputs("fc1").build())
                .node(Node.builder("Relu").name("relu").inputs("fc1").outputs("hidden").build())
                .node(Node.builder("Gemm").name("fc2").inputs("hidden", "w2", "b2").outputs("logits")
                        .attributes(Attributes.builder().put("transB", 1L).build()).build())
                .node(Node.builder("Softmax").name("softmax").inputs("logits").outputs("probabilities")
                        .attributes(Attributes.builder().put("axis", 1L).build()).build())
                .output("probabilities", out)
                .build();
        return Model.builder(graph).producerVersion("example")
                .docString("Crest quick-start example: a " + FEATURES + "-" + HIDDEN + "-" + CLASSES
                        + " MLP classifier with seeded random weights")
                .metadata("seed", Long.toString(seed)).build();
    }

    /** A test data set for {@code model}: seeded inputs in [-1, 1) and the reference interpreter's outputs. */
    public static TestDataSet testData(Model model, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] values = new double[BATCH * FEATURES];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2 * random.nextDouble() - 1;
        }
        Map<String, Tensor> inputs = Map.of("input", Tensor.fromDoubles(DType.FLOAT32, Shape.of(BATCH, FEATURES), values));
        return new TestDataSet(inputs, Interpreter.standard().run(model, inputs));
    }

    /** Writes {@code model.onnx} and {@code test_data_set_0/} for the seeded MLP into {@code folder}. */
    public static void writeMlp(Path folder, long seed) {
        Model model = mlp(seed);
        OnnxModels.write(model, folder.resolve("model.onnx"));
        testData(model, seed).write(folder.resolve("test_data_set_0"), model);
    }

    /** Regenerates the example: {@code ExampleModels [folder]}, by default {@code examples/mlp}. */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "examples/mlp");
        writeMlp(folder, SEED);
        System.out.println("wrote " + folder.toAbsolutePath());
    }

    private static Tensor uniform(SplittableRandom random, int fanIn, Shape shape) {
        double bound = 1 / Math.sqrt(fanIn);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = bound * (2 * random.nextDouble() - 1);
        }
        return Tensor.fromDoubles(DType.FLOAT32, shape, v);
    }
}
