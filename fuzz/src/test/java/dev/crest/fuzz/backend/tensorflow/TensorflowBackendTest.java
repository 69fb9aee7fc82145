package dev.crest.fuzz.backend.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.Comparison;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three TensorFlow backends as a campaign sees them: registry names, tensors, whole models, XLA, errors. */
class TensorflowBackendTest {
    @Test
    void tensorflowStandsForNoOptAndTwoOptimizedRunsPairedWithIt() {
        BackendRegistry registry = BackendRegistry.standard();
        assertThat(registry.names()).contains("tensorflow-noopt", "tensorflow-opt", "tensorflow-xla");
        assertThat(registry.expand("tensorflow")).containsExactly(TargetRun.of("tensorflow-noopt"),
                TargetRun.optimized("tensorflow-opt", "tensorflow-noopt"),
                TargetRun.optimized("tensorflow-xla", "tensorflow-noopt"));
        try (Backend backend = registry.create("tensorflow-opt")) {
            assertThat(backend.version()).isEqualTo(org.tensorflow.TensorFlow.version()).startsWith("2.");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void passesEveryDtypeThroughUnchangedIncludingItsExtremes(DType dtype) {
        double[] values = switch (dtype) {
            case BOOL -> new double[] {0, 1, 1, 0};
            case UINT8 -> new double[] {0, 1, 254, 255};
            case INT8 -> new double[] {-128, -1, 0, 127};
            case INT16 -> new double[] {-32768, -1, 0, 32767};
            case INT32 -> new double[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE};
            case INT64 -> new double[] {-(1L << 53), -1, 0, 1L << 53};
            case FLOAT16 -> new double[] {-65504, 6.103515625e-05, 0.333251953125, Double.POSITIVE_INFINITY};
            case FLOAT32, FLOAT64 -> new double[] {-3.5e38, 1.0e-30, 0.1, Double.NaN};
        };
        Tensor input = Tensor.fromDoubles(dtype, Shape.of(2, 2), values);
        Model model = Model.of(Graph.builder().name("identity").input("x", TensorType.of(dtype, 2, 2))
                .node(Node.builder("Identity").inputs("x").outputs("y").build())
                .output("y", TensorType.of(dtype, 2, 2)).build());
        try (Backend backend = new TensorflowBackend(TfLevel.NO_OPT);
                Backend.Compiled compiled = backend.compile(OnnxModels.toBytes(model))) {
            Tensor output = backend.run(compiled, Map.of("x", input)).get("y");
            assertThat(output.sameAs(input)).as("%s came back as %s", input, output).isTrue();
        }
    }

    @Test
    void generatedTenNodeModelsAgreeWithTheReferenceOnAllThreeLevels() {
        List<OpSpec> translated = OpSpecs.standard().all().stream()
                .filter(spec -> OnnxToTf.operators().contains(spec.opType())).toList();
        try (Backend reference = new ReferenceBackend(); Backend noOpt = new TensorflowBackend(TfLevel.NO_OPT);
                Backend opt = new TensorflowBackend(TfLevel.OPT); Backend xla = new TensorflowBackend(TfLevel.XLA)) {
            for (long seed = 1; seed <= 2; seed++) {
                GeneratedModel model = Generator.generate(GeneratorSettings.defaults(seed).withOperators(translated));
                assertThat(model.model().graph().nodes()).hasSize(GeneratorSettings.DEFAULT_NODES);
                byte[] bytes = OnnxModels.toBytes(model.model());
                Map<String, Tensor> inputs = model.initialInputs();
                Map<String, Tensor> expected;
                try (Backend.Compiled compiled = reference.compile(bytes)) {
                    expected = reference.run(compiled, inputs);
                }
                for (Backend backend : List.of(noOpt, opt, xla)) {
                    try (Backend.Compiled compiled = backend.compile(bytes)) {
                        TensorflowBackend.TracedRun run = TensorflowBackend.runTraced(compiled, inputs);
                        assertThat(run.executedOps().contains("_XlaRun")).as("%s ran an XLA cluster", backend.name())
                                .isEqualTo(backend == xla);
                        Comparison comparison = Comparison.of(run.outputs(), expected, Tolerance.DEFAULT);
                        assertThat(comparison.agrees()).as("%s on seed %d: %s in %s", backend.name(), seed,
                                comparison.detail(), model.model().graph().nodes()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aClipWithoutUpperBoundClipsInfinityToTheLargestFiniteValueAsOnnxDefines() {
        Graph graph = Graph.builder().name("clip").input("x", TensorType.of(DType.FLOAT64, 3))
                .initializer("lo", Tensor.scalar(DType.FLOAT64, -1))
                .node(Node.builder("Clip").name("c").inputs("x", "lo").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT64, 3)).build();
        byte[] bytes = OnnxModels.toBytes(Model.of(graph));
        Map<String, Tensor> inputs = Map.of("x", Tensor.fromDoubles(DType.FLOAT64, Shape.of(3),
                new double[] {Double.POSITIVE_INFINITY, -5, 2}));
        try (Backend tf = new TensorflowBackend(TfLevel.NO_OPT); Backend.Compiled compiled = tf.compile(bytes)) {
            assertThat(tf.run(compiled, inputs).get("y").toDoubleArray()).containsExactly(Double.MAX_VALUE, -1, 2);
        }
    }

    @Test
    void onlyTheXlaLevelCompilesClustersWithXla() {
        Model model = Model.of(Graph.builder().name("sin-square").input("x", TensorType.of(DType.FLOAT32, 2, 3))
                .node(Node.builder("Mul").inputs("x", "x").outputs("s").build())
                .node(Node.builder("Sin").inputs("s").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 2, 3)).build());
        Tensor x = Tensor.ofFloats(Shape.of(2, 3), 0.5f, 1, 1.5f, 2, 2.5f, 3);
        Map<TfLevel, List<String>> executed = new java.util.EnumMap<>(TfLevel.class);
        for (TfLevel level : TfLevel.values()) {
            try (Backend backend = new TensorflowBackend(level);
                    Backend.Compiled compiled = backend.compile(OnnxModels.toBytes(model))) {
                TensorflowBackend.TracedRun run = TensorflowBackend.runTraced(compiled, Map.of("x", x));
                assertThat(run.outputs().get("y").getDouble(5)).isCloseTo(Math.sin(9), Offset.offset(1e-6));
                executed.put(level, run.executedOps());
            }
        }
        // Without optimizations the graph runs as translated; Grappler rewrites it; XLA runs one compiled cluster.
        assertThat(executed.get(TfLevel.NO_OPT)).contains("Mul", "Sin").noneMatch(op -> op.startsWith("_Xla"));
        assertThat(executed.get(TfLevel.OPT)).doesNotContain("Sin").noneMatch(op -> op.startsWith("_Xla"));
        assertThat(executed.get(TfLevel.XLA)).contains("_XlaCompile", "_XlaRun").doesNotContain("Mul", "Sin")
                .noneMatch(op -> op.startsWith("_UnaryOps"));
    }

    @Test
    void rejectsAnUntranslatedOperatorAtCompileTimeNamingIt() {
        Model model = Model.of(Graph.builder().name("hardmax").input("x", TensorType.of(DType.FLOAT32, 2, 3))
                .node(Node.builder("Hardmax").inputs("x").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 2, 3)).build());
        try (Backend backend = new TensorflowBackend(TfLevel.OPT)) {
            assertThatThrownBy(() -> backend.compile(OnnxModels.toBytes(model)))
                    .isInstanceOf(UnsupportedModelException.class)
                    .hasMessageContaining("does not cover ONNX operator Hardmax");
        }
    }
}
