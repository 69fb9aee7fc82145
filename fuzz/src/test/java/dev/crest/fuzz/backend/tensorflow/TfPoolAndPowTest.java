package dev.crest.fuzz.backend.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.Backend;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One-node regressions for the TensorFlow translation of Pow (integer bases with negative exponents, mixed
 * dtypes) and AveragePool (ceil_mode with explicit pads, 3-D float64) on every TensorFlow level, with expected
 * values derived by hand from the ONNX specification.
 */
class TfPoolAndPowTest {
    private static final Map<TfLevel, Backend> BACKENDS = new EnumMap<>(TfLevel.class);

    @BeforeAll
    static void load() {
        for (TfLevel level : TfLevel.values()) {
            BACKENDS.put(level, new TensorflowBackend(level));
        }
    }

    @AfterAll
    static void close() {
        BACKENDS.values().forEach(Backend::close);
    }

    private static Tensor run(TfLevel level, String opType, Attributes attributes, Map<String, Tensor> inputs,
            DType outType, int... outShape) {
        Graph.Builder graph = Graph.builder().name(opType);
        inputs.forEach((name, value) -> graph.input(name, TensorType.of(value.dtype(), value.shape().dims())));
        graph.output("y", TensorType.of(outType, outShape));
        graph.node(Node.builder(opType).inputs(inputs.keySet().toArray(new String[0])).outputs("y")
                .attributes(attributes).build());
        byte[] model = OnnxModels.toBytes(Model.builder(graph.build()).opset("", 17).build());
        Backend backend = BACKENDS.get(level);
        try (Backend.Compiled compiled = backend.compile(model)) {
            return backend.run(compiled, inputs).get("y");
        }
    }

    private static Map<String, Tensor> operands(Tensor a, Tensor b) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        inputs.put("a", a);
        inputs.put("b", b);
        return inputs;
    }

    @ParameterizedTest
    @EnumSource(TfLevel.class)
    void integerPowWithANegativeExponentTruncatesOneOverThePower(TfLevel level) {
        long[] base = {2, -1, -1, 1, 3, -2, Integer.MIN_VALUE};
        long[] exponent = {-1, -3, -2, -5, 2, -2, -1};
        // 1/2 → 0, (-1)^-3 = -1, (-1)^-2 = 1, 1^-5 = 1, 3^2 = 9, 1/4 → 0, 1/INT_MIN → 0.
        long[] expected = {0, -1, 1, 1, 9, 0, 0};
        for (DType dtype : new DType[] {DType.INT32, DType.INT64}) {
            Tensor y = run(level, "Pow", Attributes.empty(), operands(Tensor.fromLongs(dtype, Shape.of(7), base),
                    Tensor.fromLongs(dtype, Shape.of(7), exponent)), dtype, 7);
            assertThat(y.dtype()).isEqualTo(dtype);
            assertThat(y.toLongArray()).as(dtype.displayName()).containsExactly(expected);
        }
        // The most negative int64 exponent is even, and cannot be negated.
        Tensor y = run(level, "Pow", Attributes.empty(), operands(Tensor.ofLongs(Shape.of(2), -1, -1),
                Tensor.ofLongs(Shape.of(2), Long.MIN_VALUE, Long.MIN_VALUE + 1)), DType.INT64, 2);
        assertThat(y.toLongArray()).containsExactly(1, -1);
    }

    @ParameterizedTest
    @EnumSource(TfLevel.class)
    void powWithAnIntegerExponentKeepsItsParityBeyondFloat32Precision(TfLevel level) {
        Tensor y = run(level, "Pow", Attributes.empty(), operands(Tensor.scalar(DType.FLOAT32, -1),
                Tensor.ofLongs(Shape.of(2), (1L << 24) + 1, 1L << 24)), DType.FLOAT32, 2);
        // 2^24 + 1 is odd, but rounds to the even 2^24 when cast to float32 first.
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.toDoubleArray()).containsExactly(-1, 1);
    }

    @ParameterizedTest
    @EnumSource(TfLevel.class)
    void float16AveragePoolWhoseWindowSumExceedsFloat16StaysFinite(TfLevel level) {
        // 100 × 1000 = 100000 > 65504, float16's largest value, while the average 1000 is exact in float16; the
        // 3-D and the dilated 2-D translations sum each window by convolution.
        Tensor x3 = Tensor.full(DType.FLOAT16, Shape.of(1, 1, 1, 1, 100), 1000);
        Tensor y3 = run(level, "AveragePool", Attributes.builder().put("kernel_shape", 1, 1, 100).build(),
                Map.of("x", x3), DType.FLOAT16, 1, 1, 1, 1, 1);
        assertThat(y3.toDoubleArray()).containsExactly(1000);
        Tensor x2 = Tensor.full(DType.FLOAT16, Shape.of(1, 1, 1, 199), 1000);
        Tensor y2 = run(level, "AveragePool", Attributes.builder().put("kernel_shape", 1, 100)
                .put("dilations", 1, 2).build(), Map.of("x", x2), DType.FLOAT16, 1, 1, 1, 1);
        assertThat(y2.toDoubleArray()).containsExactly(1000);
    }

    @ParameterizedTest
    @EnumSource(TfLevel.class)
    void averagePoolInThreeDimensionsRunsInFloat64(TfLevel level) {
        // Input 1..6 along the last axis; kernel 3, stride 2, pads 1/1, ceil_mode: windows at [-1, 1], [1, 3],
        // [3, 5], [5, 7], the last one past the end pad by one position, which ONNX never counts.
        Tensor x = Tensor.ofDoubles(Shape.of(1, 1, 1, 1, 6), 1, 2, 3, 4, 5, 6);
        for (long includePad : new long[] {0, 1}) {
            Attributes attributes = Attributes.builder().put("kernel_shape", 1, 1, 3).put("strides", 1, 1, 2)
                    .put("pads", 0, 0, 1, 0, 0, 1).put("ceil_mode", 1L).put("count_include_pad", includePad).build();
            Tensor y = run(level, "AveragePool", attributes, Map.of("x", x), DType.FLOAT64, 1, 1, 1, 1, 4);
            assertThat(y.toDoubleArray()).as("count_include_pad=%d", includePad)
                    .containsExactly(includePad == 1 ? new double[] {1, 3, 5, 3} : new double[] {1.5, 3, 5, 6});
        }
    }
}
