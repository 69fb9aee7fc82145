package dev.crest.fuzz.backend.torch;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One-node regressions for the torch translation of AveragePool (ceil_mode, explicit pads, count_include_pad)
 * and Pow (mixed dtypes), with expected values derived by hand from the ONNX specification.
 */
class TorchPoolAndPowTest {
    private static Backend torch;

    @BeforeAll
    static void load() {
        torch = new TorchBackend();
    }

    @AfterAll
    static void close() {
        torch.close();
    }

    private static Tensor run(String opType, Attributes attributes, Map<String, Tensor> inputs, DType outType,
            int... outShape) {
        Graph.Builder graph = Graph.builder().name(opType);
        inputs.forEach((name, value) -> graph.input(name, TensorType.of(value.dtype(), value.shape().dims())));
        graph.output("y", TensorType.of(outType, outShape));
        graph.node(Node.builder(opType).inputs(inputs.keySet().toArray(new String[0])).outputs("y")
                .attributes(attributes).build());
        byte[] model = OnnxModels.toBytes(Model.builder(graph.build()).opset("", 17).build());
        try (Backend.Compiled compiled = torch.compile(model)) {
            return torch.run(compiled, inputs).get("y");
        }
    }

    /** 1, 2, …, n along the last of {@code spatial} spatial axes, every other axis of size 1. */
    private static Tensor ramp(DType dtype, int spatial, int n) {
        int[] dims = new int[spatial + 2];
        Arrays.fill(dims, 1);
        dims[dims.length - 1] = n;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return Tensor.fromDoubles(dtype, Shape.of(dims), values);
    }

    /** Kernel 3, stride 2 and pads 1/1 along the last axis (1 elsewhere), ceil_mode on. */
    private static Attributes ceilWindow(int spatial, long countIncludePad) {
        int[] kernel = new int[spatial];
        int[] strides = new int[spatial];
        int[] pads = new int[2 * spatial];
        Arrays.fill(kernel, 1);
        Arrays.fill(strides, 1);
        kernel[spatial - 1] = 3;
        strides[spatial - 1] = 2;
        pads[spatial - 1] = 1;
        pads[2 * spatial - 1] = 1;
        return Attributes.builder().put("kernel_shape", kernel).put("strides", strides).put("pads", pads)
                .put("ceil_mode", 1L).put("count_include_pad", countIncludePad).build();
    }

    private static int[] outShape(int spatial, int n) {
        int[] dims = new int[spatial + 2];
        Arrays.fill(dims, 1);
        dims[dims.length - 1] = n;
        return dims;
    }

    /*
     * Input 1..6, pads 1/1, kernel 3, stride 2, ceil_mode: the padded length 8 holds ceil((8 - 3) / 2) + 1 = 4
     * windows, at input coordinates [-1, 1], [1, 3], [3, 5] and [5, 7]; the last starts inside the input and runs
     * one past the end pad (coordinate 7), which ONNX never counts.
     */

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void averagePoolWithoutCountIncludePadDividesByTheInputElementsOnly(int spatial) {
        Tensor y = run("AveragePool", ceilWindow(spatial, 0), Map.of("x", ramp(DType.FLOAT32, spatial, 6)),
                DType.FLOAT32, outShape(spatial, 4));
        // (1+2)/2, (2+3+4)/3, (4+5+6)/3, 6/1: DJL's avgPool used to count the padding regardless (1, 3, 5, 3).
        assertThat(y.toDoubleArray()).containsExactly(1.5, 3, 5, 6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void averagePoolWithCountIncludePadCountsThePadsButNotTheCeilOverhang(int spatial) {
        Tensor y = run("AveragePool", ceilWindow(spatial, 1), Map.of("x", ramp(DType.FLOAT32, spatial, 6)),
                DType.FLOAT32, outShape(spatial, 4));
        // (0+1+2)/3, 9/3, 15/3, (6 + end pad 0)/2: the overhang at coordinate 7 is neither pad nor input.
        assertThat(y.toDoubleArray()).containsExactly(1, 3, 5, 3);
    }

    @Test
    void campaignFindingKernelTwoStrideTwoPadsOneCeilModeKeepsEachElement() {
        // bug-inconsistency-verify-12 reduced: x = (a, b), kernel 2, stride 2, pads 1/1, ceil_mode, no padding
        // counted: windows [-1, 0] and [1, 2] each hold one input element, so the output is (a, b).
        Tensor x = Tensor.fromDoubles(DType.FLOAT16, Shape.of(4, 1, 2), new double[] {818.5, 3, -2, 0.5, 7, 9, 1, 1});
        Attributes attributes = Attributes.builder().put("kernel_shape", new int[] {2}).put("strides", new int[] {2})
                .put("pads", 1, 1).put("ceil_mode", 1L).build();
        Tensor y = run("AveragePool", attributes, Map.of("x", x), DType.FLOAT16, 4, 1, 2);
        assertThat(y.toDoubleArray()).containsExactly(818.5, 3, -2, 0.5, 7, 9, 1, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void float16AveragePoolWhoseWindowSumExceedsFloat16StaysFinite(int spatial) {
        // 100 × 1000 = 100000 > 65504, float16's largest value, while the average 1000 is exact in float16.
        Tensor x = Tensor.full(DType.FLOAT16, Shape.of(outShape(spatial, 100)), 1000);
        int[] kernel = new int[spatial];
        Arrays.fill(kernel, 1);
        kernel[spatial - 1] = 100;
        Tensor y = run("AveragePool", Attributes.builder().put("kernel_shape", kernel).build(), Map.of("x", x),
                DType.FLOAT16, outShape(spatial, 1));
        assertThat(y.toDoubleArray()).containsExactly(1000);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void powOfAZeroDimensionalBaseWithAFloat16ExponentKeepsTheBasesPrecision(DType base) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        inputs.put("a", Tensor.scalar(base, 3));
        inputs.put("b", Tensor.fromDoubles(DType.FLOAT16, Shape.of(1, 3), new double[] {15, 11, 0.5}));
        Tensor y = run("Pow", Attributes.empty(), inputs, base, 1, 3);
        // 3^15 and 3^11 exceed float16's 65504; PyTorch's promotion of the zero-dimensional base to float16 gave +inf.
        assertThat(y.dtype()).isEqualTo(base);
        assertThat(y.getDouble(0)).isEqualTo(14348907);
        assertThat(y.getDouble(1)).isEqualTo(177147);
        assertThat(y.getDouble(2)).isCloseTo(Math.sqrt(3), Offset.offset(1e-6));
    }

    @Test
    void powWithAnIntegerExponentKeepsItsParityBeyondFloat32Precision() {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        inputs.put("a", Tensor.scalar(DType.FLOAT32, -1));
        inputs.put("b", Tensor.ofLongs(Shape.of(2), (1L << 24) + 1, 1L << 24));
        Tensor y = run("Pow", Attributes.empty(), inputs, DType.FLOAT32, 2);
        // 2^24 + 1 is odd, but rounds to the even 2^24 in float32.
        assertThat(y.toDoubleArray()).containsExactly(-1, 1);
    }
}
