package dev.crest.fuzz.backend.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.Comparison;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The torch backend against the reference interpreter: one-node models of every translated operator (random
 * dtypes, shapes and attributes as the generator draws them), generated multi-node models, and the compile-time
 * rejection of what is not translated.
 */
class TorchBackendTest {
    /**
     * One-node cases per operator; the generator draws a dtype, ranks and attributes for each. A longer sweep by
     * hand: {@code -Dcrest.torch.cases=50}.
     */
    private static final int CASES_PER_OPERATOR = Integer.getInteger("crest.torch.cases", 4);

    private static Backend torch;

    @BeforeAll
    static void load() {
        torch = new TorchBackend();
    }

    @AfterAll
    static void close() {
        torch.close();
    }

    static Stream<String> translatedOperators() {
        return TorchCases.translatedSpecs().stream().map(OpSpec::opType);
    }

    @ParameterizedTest
    @MethodSource("translatedOperators")
    void oneNodeModelsAgreeWithTheReference(String opType) {
        OpSpec spec = OpSpecs.standard().get(opType);
        int compared = 0;
        List<String> skipped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES_PER_OPERATOR; i++) {
            long seed = 1000L * opType.hashCode() + i;
            TorchCases.Result result;
            try {
                result = TorchCases.run(torch, List.of(spec), 1,
                        Math.max(GeneratorSettings.DEFAULT_OPSET, spec.sinceOpset()), seed);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
                continue;
            }
            if (!result.compared()) {
                skipped.add(result.skipped());
                continue;
            }
            Comparison comparison = result.comparison().get();
            if (comparison.expectedNonFinite() && !comparison.agrees()) {
                skipped.add("non-finite reference");
                continue;
            }
            if (!comparison.agrees()) {
                failures.add(result.description() + ": " + comparison.detail());
            }
            compared++;
        }
        assertThat(failures).as(opType).isEmpty();
        assertThat(compared).as(opType + " cases compared (skipped: " + skipped + ")").isGreaterThan(0);
    }

    @Test
    void generatedTenNodeModelsAgreeWithTheReference() {
        List<OpSpec> specs = TorchCases.translatedSpecs();
        int compared = 0;
        for (long seed = 1; seed <= 6; seed++) {
            TorchCases.Result result = TorchCases.run(torch, specs, 10, GeneratorSettings.DEFAULT_OPSET, seed);
            if (!result.compared() || result.comparison().get().expectedNonFinite()) {
                continue;
            }
            assertThat(result.comparison().get().agrees())
                    .as(result.description() + ": " + result.comparison().get().detail()).isTrue();
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anUntranslatedOperatorIsRejectedAtCompile() {
        Graph graph = Graph.builder().name("resize")
                .input("x", TensorType.of(DType.FLOAT32, 1, 1, 2, 2))
                .initializer("scales", Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2))
                .output("y", TensorType.of(DType.FLOAT32, 1, 1, 4, 4))
                .node(Node.builder("Resize").inputs("x", "", "scales").outputs("y").build())
                .build();
        byte[] model = OnnxModels.toBytes(Model.builder(graph).opset("", 17).build());
        assertThatThrownBy(() -> torch.compile(model)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("does not translate operator Resize");
    }

    @Test
    void int16WrapsToSixteenBitsAfterEachNode() {
        Graph graph = Graph.builder().name("abs16")
                .input("x", TensorType.of(DType.INT16, 3))
                .output("y", TensorType.of(DType.INT16, 3))
                .output("z", TensorType.of(DType.INT16, 3))
                .node(Node.builder("Abs").name("abs").inputs("x").outputs("y").build())
                .node(Node.builder("Neg").name("neg").inputs("y").outputs("z").build())
                .build();
        byte[] model = OnnxModels.toBytes(Model.builder(graph).opset("", 17).build());
        Map<String, Tensor> outputs;
        try (Backend.Compiled compiled = torch.compile(model)) {
            outputs = torch.run(compiled, Map.of("x", Tensor.fromLongs(DType.INT16, Shape.of(3),
                    new long[] {Short.MIN_VALUE, -5, Short.MAX_VALUE})));
        }
        // |-32768| does not fit 16 bits and wraps to itself, as in two's complement int16 arithmetic.
        assertThat(outputs.get("y").dtype()).isEqualTo(DType.INT16);
        assertThat(outputs.get("y").toLongArray()).containsExactly(Short.MIN_VALUE, 5, Short.MAX_VALUE);
        assertThat(outputs.get("z").toLongArray()).containsExactly(Short.MIN_VALUE, -5, -Short.MAX_VALUE);
    }

    @Test
    void anUntranslatedDtypeIsRejectedAtCompile() {
        Graph graph = Graph.builder().name("sinInt")
                .input("x", TensorType.of(DType.INT32, 3))
                .output("y", TensorType.of(DType.INT32, 3))
                .node(Node.builder("Sin").inputs("x").outputs("y").build())
                .build();
        byte[] model = OnnxModels.toBytes(Model.builder(graph).opset("", 17).build());
        assertThatThrownBy(() -> torch.compile(model)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("Sin").hasMessageContaining("int32");
    }

    @Test
    void integerDivisionTruncatesTowardZeroEvenForLargeInt64() {
        long big = (1L << 62) + 12345;
        Graph graph = Graph.builder().name("div")
                .input("a", TensorType.of(DType.INT64, 6))
                .input("b", TensorType.of(DType.INT64, 6))
                .output("y", TensorType.of(DType.INT64, 6))
                .node(Node.builder("Div").inputs("a", "b").outputs("y").build())
                .build();
        byte[] model = OnnxModels.toBytes(Model.builder(graph).opset("", 17).build());
        long[] a = {7, -7, 7, -7, big, Long.MIN_VALUE + 1};
        long[] b = {2, 2, -2, -2, 3, -1};
        Map<String, Tensor> outputs;
        try (Backend.Compiled compiled = torch.compile(model)) {
            outputs = torch.run(compiled, Map.of("a", Tensor.ofLongs(Shape.of(6), a), "b", Tensor.ofLongs(Shape.of(6), b)));
        }
        // Java's long division truncates toward zero, as ONNX integer Div does.
        long[] expected = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            expected[i] = a[i] / b[i];
        }
        assertThat(outputs.get("y").toLongArray()).containsExactly(expected);
    }

    @Test
    void clipWithoutAnUpperBoundClipsInfinityToTheLargestFiniteValue() {
        Graph graph = Graph.builder().name("clip")
                .input("x", TensorType.of(DType.FLOAT16, 3))
                .initializer("lo", Tensor.scalar(DType.FLOAT16, 0.5))
                .output("y", TensorType.of(DType.FLOAT16, 3))
                .node(Node.builder("Clip").inputs("x", "lo").outputs("y").build())
                .build();
        byte[] model = OnnxModels.toBytes(Model.builder(graph).opset("", 17).build());
        Map<String, Tensor> outputs;
        try (Backend.Compiled compiled = torch.compile(model)) {
            outputs = torch.run(compiled, Map.of("x", Tensor.fromDoubles(DType.FLOAT16, Shape.of(3),
                    new double[] {Double.POSITIVE_INFINITY, 0, 2})));
        }
        // ONNX: an omitted max is numeric_limits<float16>::max() = 65504.
        assertThat(outputs.get("y").toDoubleArray()).containsExactly(65504, 0.5, 2);
    }

    @Test
    void everyDtypeRoundTripsExactly() {
        for (DType dtype : DType.values()) {
            double[] values = dtype.isBool() ? new double[] {1, 0, 1, 1, 0, 0}
                    : dtype == DType.UINT8 ? new double[] {0, 1, 127, 128, 200, 255}
                    : dtype.isFloat() ? new double[] {-1.5, 0.1, 65504, -0.0, 3.25, 1e-3}
                    : dtype == DType.INT8 ? new double[] {-128, -1, 0, 1, 100, 127}
                    : new double[] {-32768, -1, 0, 1, 1000, 32767};
            Tensor tensor = Tensor.fromDoubles(dtype, Shape.of(2, 3), values);
            try (ai.djl.ndarray.NDManager manager = TorchEngine.get().newBaseManager()) {
                Tensor back = TorchTensors.fromTorch(TorchTensors.toTorch(manager, tensor), dtype);
                assertThat(back.sameAs(tensor)).as(dtype.displayName()).isTrue();
            }
        }
    }

    @Test
    void reportsPyTorchsVersionAndIsOneUnpairedRun() {
        assertThat(torch.version()).isEqualTo("2.7.1");
        assertThat(BackendRegistry.standard().expand(TorchBackend.NAME)).containsExactly(TargetRun.of("torch"));
    }
}
