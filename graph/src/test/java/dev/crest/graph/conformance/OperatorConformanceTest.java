package dev.crest.graph.conformance;

import static dev.crest.graph.conformance.Gen.floats;
import static dev.crest.graph.conformance.Gen.longs;
import static dev.crest.graph.conformance.Gen.scalar;
import static dev.crest.tensor.DType.BOOL;
import static dev.crest.tensor.DType.FLOAT16;
import static dev.crest.tensor.DType.FLOAT32;
import static dev.crest.tensor.DType.FLOAT64;
import static dev.crest.tensor.DType.INT32;
import static dev.crest.tensor.DType.INT64;
import static dev.crest.tensor.DType.INT8;
import static dev.crest.tensor.DType.UINT8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.crest.graph.Model;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The key conformance check: for every supported operator, one-node models with representative attributes
 * are written to ONNX bytes, run by ONNX Runtime and by Crest's reference interpreter (on the re-parsed
 * model), and must agree in dtype, shape and values under {@link Closeness}.
 */
class OperatorConformanceTest {
    private static final List<DType> F = List.of(FLOAT32, FLOAT64, FLOAT16);
    /** Float types for operators ONNX Runtime's CPU provider has no float64 kernel for. */
    private static final List<DType> FH = List.of(FLOAT32, FLOAT16);
    private static final List<DType> F32 = List.of(FLOAT32);
    private static final List<DType> NUM = List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT64);
    private static final List<DType> ANY = List.of(FLOAT32, FLOAT16, INT64, INT32, INT8, UINT8, BOOL);

    private record Entry(String label, List<DType> dtypes, Function<Gen, OpCase> make) {
    }

    private static final List<Entry> TABLE = new ArrayList<>();

    private static void add(String label, List<DType> dtypes, Function<Gen, OpCase> make) {
        TABLE.add(new Entry(label, dtypes, make));
    }

    private static OpCase op(String type) {
        return new OpCase(type);
    }

    static {
        // ---------------------------------------------------------------- unary element-wise
        add("Abs", List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT64, INT8), g -> op("Abs").in(g.x(2, 3, 4)));
        add("Neg", List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT64, INT8), g -> op("Neg").in(g.x(2, 3, 4)));
        add("Relu", List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT8), g -> op("Relu").in(g.x(2, 3, 4)));
        add("Sigmoid", F, g -> op("Sigmoid").in(g.range(-8, 8).x(3, 5)));
        add("Tanh", F, g -> op("Tanh").in(g.range(-4, 4).x(3, 5)));
        add("Sin", F, g -> op("Sin").in(g.range(-6, 6).x(3, 5)));
        add("Cos", FH, g -> op("Cos").in(g.range(-6, 6).x(3, 5)));
        add("Tan", FH, g -> op("Tan").in(g.range(-1.3, 1.3).x(3, 5)));
        add("Asin", FH, g -> op("Asin").in(g.range(-0.99, 0.99).x(3, 5)));
        add("Acos", FH, g -> op("Acos").in(g.range(-0.99, 0.99).x(3, 5)));
        add("Atan", FH, g -> op("Atan").in(g.range(-5, 5).x(3, 5)));
        add("Sqrt", F, g -> op("Sqrt").in(g.range(0, 10).x(3, 5)));
        add("Exp", F, g -> op("Exp").in(g.range(-10, 10).x(3, 5)));
        add("Log", F, g -> op("Log").in(g.range(0.01, 100).x(3, 5)));
        add("Reciprocal", F, g -> op("Reciprocal").in(g.nonZero(3, 5)));
        add("Ceil", F, g -> op("Ceil").in(g.range(-5, 5).x(3, 5)));
        add("Floor", F, g -> op("Floor").in(g.range(-5, 5).x(3, 5)));
        add("Round[random]", F, g -> op("Round").in(g.range(-5, 5).x(3, 5)));
        add("Round[halves]", F, g -> op("Round").in(Tensor.fromDoubles(g.dtype, Shape.of(8),
                new double[] {-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, -3.49})));
        add("Identity", ANY, g -> op("Identity").in(g.x(2, 3)));
        add("Not", List.of(BOOL), g -> op("Not").in(g.x(2, 3, 4)));

        // ---------------------------------------------------------------- activations
        add("LeakyRelu[default]", FH, g -> op("LeakyRelu").in(g.x(3, 4)));
        add("LeakyRelu[alpha=0.3]", FH, g -> op("LeakyRelu").in(g.x(3, 4)).attrs(a -> a.put("alpha", 0.3)));
        add("PRelu[slope per channel]", FH, g -> op("PRelu").in(g.x(2, 3, 4, 4)).in(g.range(0, 1).x(3, 1, 1)));
        add("PRelu[slope same shape]", FH, g -> op("PRelu").in(g.x(2, 5)).in(g.x(2, 5)));
        add("Gelu[exact]", FH, g -> op("Gelu").in(g.range(-5, 5).x(3, 7)));
        add("Gelu[tanh]", F, g -> op("Gelu").in(g.range(-5, 5).x(3, 7)).attrs(a -> a.put("approximate", "tanh"))
                // ONNX Runtime evaluates Gelu's function body, whose constants are float32 even for float64 inputs.
                .tolerance(new Closeness(1e-5, 1e-4)));
        add("Softmax[last axis]", F, g -> op("Softmax").in(g.range(-10, 10).x(2, 3, 5)));
        add("Softmax[axis=1]", F, g -> op("Softmax").in(g.range(-10, 10).x(2, 3, 5)).attrs(a -> a.put("axis", 1L)));
        add("Softmax[axis=0]", F, g -> op("Softmax").in(g.x(4, 3)).attrs(a -> a.put("axis", 0L)));
        add("Clip[min,max]", F, g -> op("Clip").in(g.x(3, 4)).in(Tensor.scalar(g.dtype, -1)).in(Tensor.scalar(g.dtype, 0.5)));
        add("Clip[min only]", F, g -> op("Clip").in(g.x(3, 4)).in(Tensor.scalar(g.dtype, -0.5)));
        add("Clip[max only]", List.of(FLOAT32, INT32, INT64, INT8, UINT8),
                g -> op("Clip").in(g.range(0, 10).x(3, 4)).omitted().in(Tensor.scalar(g.dtype, 5)));
        add("Clip[none]", F32, g -> op("Clip").in(g.x(3, 4)));

        // ---------------------------------------------------------------- binary element-wise
        for (String o : List.of("Add", "Sub", "Mul")) {
            add(o + "[same shape]", NUM, g -> op(o).in(g.range(-50, 50).x(2, 3, 4)).in(g.x(2, 3, 4)));
            add(o + "[broadcast]", NUM, g -> op(o).in(g.range(-50, 50).x(2, 1, 4)).in(g.x(3, 1)));
            add(o + "[scalar]", List.of(FLOAT32), g -> op(o).in(g.x(2, 3)).in(Tensor.scalar(g.dtype, 2.5)));
        }
        add("Div[same shape]", NUM, g -> op("Div").in(g.range(-50, 50).x(2, 3, 4)).in(g.nonZero(2, 3, 4)));
        add("Div[broadcast]", NUM, g -> op("Div").in(g.range(-50, 50).x(2, 1, 4)).in(g.nonZero(3, 1)));
        add("Pow[float]", F, g -> op("Pow").in(g.range(0.1, 3).x(2, 3)).in(g.range(-2, 2).x(2, 3)));
        add("Pow[integer exponent]", F, g -> op("Pow").in(g.range(-3, 3).x(2, 3)).in(Tensor.fromDoubles(g.dtype,
                Shape.of(3), new double[] {2, 3, -1})));
        add("Pow[int64]", List.of(INT64, INT32), g -> op("Pow").in(g.range(-4, 5).x(2, 3)).in(g.range(0, 4).x(3)));
        add("Pow[float base, int exponent]", F32, g -> op("Pow").in(g.x(2, 3)).in(longs(2, 3, 0)));
        add("Max[variadic]", NUM, g -> op("Max").in(g.x(2, 3)).in(g.x(3)).in(g.x(2, 1)));
        add("Min[variadic]", NUM, g -> op("Min").in(g.x(2, 3)).in(g.x(3)).in(g.x(2, 1)));
        add("Max[single]", F32, g -> op("Max").in(g.x(2, 3)));
        add("Equal", List.of(FLOAT32, FLOAT16, INT32, INT64, BOOL), g -> op("Equal").in(g.ties(3, 4)).in(g.ties(4)));
        add("Greater", NUM, g -> op("Greater").in(g.ties(3, 4)).in(g.ties(3, 1)));
        add("Less", NUM, g -> op("Less").in(g.ties(3, 4)).in(g.ties(4)));
        add("And", List.of(BOOL), g -> op("And").in(g.x(2, 3, 4)).in(g.x(3, 1)));
        add("Or", List.of(BOOL), g -> op("Or").in(g.x(2, 3, 4)).in(g.x(3, 1)));
        add("Xor", List.of(BOOL), g -> op("Xor").in(g.x(2, 3, 4)).in(g.x(4)));
        add("Where", List.of(FLOAT32, INT64, FLOAT64, FLOAT16, INT32),
                g -> op("Where").in(g.of(BOOL, 2, 1, 4)).in(g.x(3, 4)).in(g.x(2, 3, 1)));

        // ---------------------------------------------------------------- Cast
        for (DType to : List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT64, INT8, BOOL)) {
            add("Cast[float32 -> " + to.displayName() + "]", F32, g -> op("Cast").in(g.range(-100, 100).x(3, 4))
                    .attrs(a -> a.put("to", (long) to.onnxCode())));
        }
        add("Cast[int32 -> int8 wraps]", List.of(INT32), g -> op("Cast").in(g.range(-1000, 1000).x(3, 4))
                .attrs(a -> a.put("to", (long) INT8.onnxCode())));
        add("Cast[int64 -> float32]", List.of(INT64), g -> op("Cast").in(g.range(-1e6, 1e6).x(3, 4))
                .attrs(a -> a.put("to", (long) FLOAT32.onnxCode())));
        add("Cast[bool -> float32]", List.of(BOOL), g -> op("Cast").in(g.x(3, 4))
                .attrs(a -> a.put("to", (long) FLOAT32.onnxCode())));
        add("Cast[float16 -> float32]", List.of(FLOAT16), g -> op("Cast").in(g.x(3, 4))
                .attrs(a -> a.put("to", (long) FLOAT32.onnxCode())));
        add("Cast[uint8 -> int64]", List.of(UINT8), g -> op("Cast").in(g.range(0, 256).x(3, 4))
                .attrs(a -> a.put("to", (long) INT64.onnxCode())));

        // ---------------------------------------------------------------- MatMul and Gemm
        add("MatMul[2d]", List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT64), g -> op("MatMul").in(g.x(3, 4)).in(g.x(4, 5)));
        add("MatMul[batched x 2d]", F, g -> op("MatMul").in(g.x(2, 3, 4)).in(g.x(4, 5)));
        add("MatMul[broadcast batch]", F, g -> op("MatMul").in(g.x(2, 1, 3, 4)).in(g.x(3, 4, 2)));
        add("MatMul[1d x 2d]", F, g -> op("MatMul").in(g.x(4)).in(g.x(4, 5)));
        add("MatMul[2d x 1d]", F, g -> op("MatMul").in(g.x(3, 4)).in(g.x(4)));
        add("MatMul[1d x 1d]", F32, g -> op("MatMul").in(g.x(4)).in(g.x(4)));
        add("Gemm[plain]", F, g -> op("Gemm").in(g.x(3, 4)).in(g.x(4, 5)));
        add("Gemm[bias vector]", F, g -> op("Gemm").in(g.x(3, 4)).constant(g.x(4, 5)).constant(g.x(5)));
        add("Gemm[transA transB alpha beta]", F, g -> op("Gemm").in(g.x(4, 3)).in(g.x(5, 4)).in(g.x(3, 1))
                .attrs(a -> a.put("transA", 1L).put("transB", 1L).put("alpha", 0.5).put("beta", 2.0)));
        add("Gemm[scalar C]", F32, g -> op("Gemm").in(g.x(3, 4)).in(g.x(4, 5)).in(Tensor.scalar(g.dtype, 1.5)));

        // ---------------------------------------------------------------- Conv
        add("Conv[1d]", FH, g -> op("Conv").in(g.x(1, 2, 10)).constant(g.x(4, 2, 3)));
        add("Conv[1d strides pads bias]", FH, g -> op("Conv").in(g.x(2, 2, 11)).constant(g.x(3, 2, 3)).constant(g.x(3))
                .attrs(a -> a.put("strides", new long[] {2}).put("pads", 1L, 2L)));
        add("Conv[1d dilation]", F32, g -> op("Conv").in(g.x(1, 3, 12)).constant(g.x(2, 3, 3))
                .attrs(a -> a.put("dilations", new long[] {3})));
        add("Conv[2d]", FH, g -> op("Conv").in(g.x(1, 3, 6, 7)).constant(g.x(4, 3, 3, 3)));
        add("Conv[2d strides pads bias]", FH, g -> op("Conv").in(g.x(2, 3, 7, 7)).constant(g.x(4, 3, 3, 3))
                .constant(g.x(4)).attrs(a -> a.put("strides", 2L, 2L).put("pads", 1L, 1L, 1L, 1L)));
        add("Conv[2d groups]", FH, g -> op("Conv").in(g.x(1, 4, 6, 6)).constant(g.x(6, 2, 3, 3))
                .attrs(a -> a.put("group", 2L).put("pads", 1L, 1L, 1L, 1L)));
        add("Conv[2d depthwise]", F32, g -> op("Conv").in(g.x(2, 3, 5, 5)).constant(g.x(3, 1, 3, 3))
                .attrs(a -> a.put("group", 3L)));
        add("Conv[2d dilation asymmetric pads]", F32, g -> op("Conv").in(g.x(1, 2, 9, 8)).constant(g.x(3, 2, 3, 2))
                .attrs(a -> a.put("dilations", 2L, 3L).put("pads", 0L, 1L, 2L, 0L)));
        add("Conv[2d auto_pad SAME_UPPER]", F32, g -> op("Conv").in(g.x(1, 2, 7, 6)).constant(g.x(2, 2, 4, 3))
                .attrs(a -> a.put("auto_pad", "SAME_UPPER").put("strides", 2L, 1L)));
        add("Conv[2d auto_pad SAME_LOWER]", F32, g -> op("Conv").in(g.x(1, 2, 6, 6)).constant(g.x(2, 2, 2, 2))
                .attrs(a -> a.put("auto_pad", "SAME_LOWER")));
        add("Conv[2d kernel_shape 1x1]", F32, g -> op("Conv").in(g.x(1, 5, 4, 4)).constant(g.x(3, 5, 1, 1))
                .attrs(a -> a.put("kernel_shape", 1L, 1L)));

        // ---------------------------------------------------------------- pooling
        add("MaxPool[2d k2]", F, g -> op("MaxPool").in(g.x(1, 2, 6, 6)).attrs(a -> a.put("kernel_shape", 2L, 2L)
                .put("strides", 2L, 2L)));
        add("MaxPool[2d k3 s2 pads]", FH, g -> op("MaxPool").in(g.x(2, 3, 7, 7)).attrs(a -> a.put("kernel_shape", 3L, 3L)
                .put("strides", 2L, 2L).put("pads", 1L, 1L, 1L, 1L)));
        add("MaxPool[2d ceil_mode]", F32, g -> op("MaxPool").in(g.x(1, 1, 7, 7)).attrs(a -> a.put("kernel_shape", 2L, 2L)
                .put("strides", 2L, 2L).put("ceil_mode", 1L)));
        add("MaxPool[2d dilations]", F32, g -> op("MaxPool").in(g.x(1, 2, 8, 8)).attrs(a -> a.put("kernel_shape", 2L, 2L)
                .put("dilations", 2L, 2L)));
        add("MaxPool[1d]", F32, g -> op("MaxPool").in(g.x(2, 3, 9)).attrs(a -> a.put("kernel_shape", new long[] {3})
                .put("strides", new long[] {2})));
        add("MaxPool[2d SAME_UPPER]", F32, g -> op("MaxPool").in(g.x(1, 2, 5, 5)).attrs(a -> a.put("kernel_shape", 3L, 3L)
                .put("strides", 2L, 2L).put("auto_pad", "SAME_UPPER")));
        add("MaxPool[2d with indices]", F32, g -> op("MaxPool").in(g.x(2, 2, 5, 5)).outputs(2)
                .attrs(a -> a.put("kernel_shape", 2L, 2L).put("strides", 1L, 1L)));
        add("MaxPool[int8]", List.of(INT8, UINT8), g -> op("MaxPool").in(g.range(-100, 100).x(1, 2, 6, 6))
                .attrs(a -> a.put("kernel_shape", 3L, 3L)));
        add("AveragePool[2d k2]", FH, g -> op("AveragePool").in(g.x(1, 2, 6, 6))
                .attrs(a -> a.put("kernel_shape", 2L, 2L).put("strides", 2L, 2L)));
        add("AveragePool[pads exclude pad]", FH, g -> op("AveragePool").in(g.x(1, 2, 5, 5))
                .attrs(a -> a.put("kernel_shape", 3L, 3L).put("pads", 1L, 1L, 1L, 1L)));
        add("AveragePool[pads include pad]", F32, g -> op("AveragePool").in(g.x(1, 2, 5, 5))
                .attrs(a -> a.put("kernel_shape", 3L, 3L).put("pads", 1L, 1L, 1L, 1L).put("count_include_pad", 1L)));
        add("AveragePool[ceil_mode]", F32, g -> op("AveragePool").in(g.x(1, 1, 7, 7))
                .attrs(a -> a.put("kernel_shape", 2L, 2L).put("strides", 2L, 2L).put("ceil_mode", 1L)));
        add("AveragePool[1d]", F32, g -> op("AveragePool").in(g.x(2, 3, 9))
                .attrs(a -> a.put("kernel_shape", new long[] {3}).put("strides", new long[] {2}).put("pads", 1L, 1L)));
        add("AveragePool[dilations]", F32, g -> op("AveragePool").in(g.x(1, 2, 7, 7))
                .attrs(a -> a.put("kernel_shape", 2L, 2L).put("dilations", 2L, 2L)));
        add("AveragePool[strides pads ceil include pad]", F32, g -> op("AveragePool").in(g.x(1, 1, 6, 6))
                .attrs(a -> a.put("kernel_shape", 3L, 3L).put("strides", 2L, 2L).put("pads", 1L, 1L, 1L, 1L)
                        .put("ceil_mode", 1L).put("count_include_pad", 1L)));
        add("MaxPool[3d]", F32, g -> op("MaxPool").in(g.x(1, 2, 4, 5, 4))
                .attrs(a -> a.put("kernel_shape", 2L, 3L, 2L).put("strides", 2L, 1L, 2L)));
        add("Conv[3d]", F32, g -> op("Conv").in(g.x(1, 2, 4, 5, 4)).constant(g.x(3, 2, 2, 3, 2))
                .attrs(a -> a.put("pads", 1L, 0L, 1L, 0L, 1L, 0L)));
        add("AveragePool[SAME_LOWER]", F32, g -> op("AveragePool").in(g.x(1, 2, 6, 5))
                .attrs(a -> a.put("kernel_shape", 2L, 3L).put("auto_pad", "SAME_LOWER")));

        // ---------------------------------------------------------------- BatchNormalization
        add("BatchNormalization[4d]", F, g -> op("BatchNormalization").in(g.x(2, 3, 4, 4)).constant(g.x(3))
                .constant(g.x(3)).constant(g.x(3)).constant(g.range(0.1, 2).x(3)));
        add("BatchNormalization[2d epsilon]", F32, g -> op("BatchNormalization").in(g.x(5, 3)).in(g.x(3))
                .in(g.x(3)).in(g.x(3)).in(g.range(0.1, 2).x(3)).attrs(a -> a.put("epsilon", 1e-2)));

        // ---------------------------------------------------------------- Pad
        add("Pad[constant]", List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT64), g -> op("Pad").in(g.x(2, 3))
                .constant(longs(1, 0, 2, 3)).constant(Tensor.scalar(g.dtype, 7)));
        add("Pad[constant default value]", F32, g -> op("Pad").in(g.x(2, 3, 4)).constant(longs(0, 1, 1, 0, 2, 0)));
        add("Pad[constant negative pads]", F32, g -> op("Pad").in(g.x(3, 5)).constant(longs(-1, 2, 1, -2)));
        add("Pad[reflect]", FH, g -> op("Pad").in(g.x(3, 4)).constant(longs(2, 1, 1, 3))
                .attrs(a -> a.put("mode", "reflect")));
        add("Pad[edge]", List.of(FLOAT32, INT64), g -> op("Pad").in(g.x(3, 4)).constant(longs(2, 1, 3, 0))
                .attrs(a -> a.put("mode", "edge")));
        add("Pad[axes input]", F32, g -> op("Pad").in(g.x(2, 3, 4)).constant(longs(1, 2, 3, 0)).omitted()
                .constant(longs(0, -1)));
        add("Pad[wrap]", F32, g -> op("Pad").in(g.x(3, 4)).constant(longs(1, 2, 2, 1))
                .attrs(a -> a.put("mode", "wrap")));

        // ---------------------------------------------------------------- shape manipulation
        add("Reshape[-1 and 0]", ANY, g -> op("Reshape").in(g.x(2, 3, 4)).constant(longs(0, -1)));
        add("Reshape[explicit]", F32, g -> op("Reshape").in(g.x(2, 3, 4)).constant(longs(4, 1, 6)));
        add("Reshape[allowzero]", F32, g -> op("Reshape").in(g.x(0, 3)).constant(longs(3, 0))
                .attrs(a -> a.put("allowzero", 1L)));
        add("Transpose[perm]", ANY, g -> op("Transpose").in(g.x(2, 3, 4)).attrs(a -> a.put("perm", 1L, 2L, 0L)));
        add("Transpose[default reverses]", F32, g -> op("Transpose").in(g.x(2, 3, 4, 5)));
        add("Squeeze[axes]", ANY, g -> op("Squeeze").in(g.x(1, 3, 1, 2)).constant(longs(0, -2)));
        add("Squeeze[all]", F32, g -> op("Squeeze").in(g.x(1, 3, 1, 2)));
        add("Unsqueeze", ANY, g -> op("Unsqueeze").in(g.x(3, 2)).constant(longs(0, -1)));
        add("Unsqueeze[middle]", F32, g -> op("Unsqueeze").in(g.x(3, 2)).constant(longs(1, 3)));
        for (long axis : new long[] {0, 1, 2, -1}) {
            add("Flatten[axis=" + axis + "]", F32, g -> op("Flatten").in(g.x(2, 3, 4)).attrs(a -> a.put("axis", axis)));
        }
        add("Flatten[default]", List.of(INT64, BOOL), g -> op("Flatten").in(g.x(2, 3, 4)));
        add("Expand", ANY, g -> op("Expand").in(g.x(3, 1)).constant(longs(2, 3, 4)));
        add("Expand[shape smaller than input]", F32, g -> op("Expand").in(g.x(2, 1, 4)).constant(longs(3, 1)));
        add("Concat[axis=1]", ANY, g -> op("Concat").in(g.x(2, 1, 3)).in(g.x(2, 4, 3)).in(g.x(2, 2, 3))
                .attrs(a -> a.put("axis", 1L)));
        add("Concat[axis=-1]", F32, g -> op("Concat").in(g.x(2, 3)).in(g.x(2, 1)).attrs(a -> a.put("axis", -1L)));
        add("Concat[single]", F32, g -> op("Concat").in(g.x(2, 3)).attrs(a -> a.put("axis", 0L)));
        add("Tile", ANY, g -> op("Tile").in(g.x(2, 3)).constant(longs(2, 3)));
        add("Tile[ones]", F32, g -> op("Tile").in(g.x(2, 1, 3)).constant(longs(1, 4, 1)));

        // ---------------------------------------------------------------- Slice and Gather
        add("Slice[basic]", ANY, g -> op("Slice").in(g.x(4, 5)).constant(longs(1, 0)).constant(longs(3, 4)));
        add("Slice[axes steps]", F32, g -> op("Slice").in(g.x(3, 6, 4)).constant(longs(1, 0)).constant(longs(6, 4))
                .constant(longs(1, 2)).constant(longs(2, 3)));
        add("Slice[negative steps]", F32, g -> op("Slice").in(g.x(3, 7)).constant(longs(-1)).constant(longs(-8))
                .constant(longs(1)).constant(longs(-2)));
        add("Slice[clamped ends]", F32, g -> op("Slice").in(g.x(3, 7)).constant(longs(-100, 2))
                .constant(longs(Long.MAX_VALUE, 100)));
        add("Slice[negative starts, empty]", F32, g -> op("Slice").in(g.x(3, 7)).constant(longs(-3))
                .constant(longs(2)).constant(longs(1)));
        add("Slice[int32 indices]", F32, g -> op("Slice").in(g.x(5, 4)).constant(Tensor.fromLongs(INT32, Shape.of(1),
                new long[] {1})).constant(Tensor.fromLongs(INT32, Shape.of(1), new long[] {4})));
        add("Gather[axis 0]", ANY, g -> op("Gather").in(g.x(4, 3)).constant(longs(3, -1, 0, 0)));
        add("Gather[axis 1, 2d indices]", F32, g -> op("Gather").in(g.x(2, 5, 3)).in(Tensor.ofLongs(Shape.of(2, 2),
                4, 0, -2, 1)).attrs(a -> a.put("axis", 1L)));
        add("Gather[scalar index]", F32, g -> op("Gather").in(g.x(3, 4)).constant(Tensor.scalar(INT64, 2))
                .attrs(a -> a.put("axis", -1L)));
        add("Gather[int32 indices]", F32, g -> op("Gather").in(g.x(4, 3)).in(Tensor.fromLongs(INT32, Shape.of(3),
                new long[] {2, 0, -4})));

        // ---------------------------------------------------------------- Trilu
        add("Trilu[upper]", List.of(FLOAT32, FLOAT16, INT64, BOOL), g -> op("Trilu").in(g.x(4, 5)));
        add("Trilu[lower k=-1]", F32, g -> op("Trilu").in(g.x(2, 4, 3)).constant(Tensor.scalar(INT64, -1))
                .attrs(a -> a.put("upper", 0L)));
        add("Trilu[upper k=2]", F32, g -> op("Trilu").in(g.x(3, 5)).constant(Tensor.scalar(INT64, 2)));

        // ---------------------------------------------------------------- reductions
        for (String o : List.of("ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd")) {
            List<DType> types = o.equals("ReduceMean") ? List.of(FLOAT32, FLOAT64, FLOAT16, INT32)
                    : List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT64);
            add(o + "[axes keepdims]", types, g -> op(o).in(g.range(-3, 3).x(2, 3, 4)).constant(longs(1)));
            add(o + "[two axes, no keepdims]", F, g -> op(o).in(g.range(0.5, 1.5).x(2, 3, 4)).constant(longs(0, -1))
                    .attrs(a -> a.put("keepdims", 0L)));
            add(o + "[all axes]", F32, g -> op(o).in(g.range(0.5, 1.5).x(2, 3, 4)));
            add(o + "[noop_with_empty_axes]", F32, g -> op(o).in(g.x(2, 3)).constant(Tensor.zeros(INT64, Shape.of(0)))
                    .attrs(a -> a.put("noop_with_empty_axes", 1L)));
        }
        add("ReduceMax[uint8]", List.of(UINT8, INT8), g -> op("ReduceMax").in(g.range(0, 100).x(3, 4)).constant(longs(1)));
        add("ReduceSum[empty axis]", F32, g -> op("ReduceSum").in(g.x(2, 0, 3)).constant(longs(1)));
        for (String o : List.of("ArgMax", "ArgMin")) {
            add(o + "[default]", List.of(FLOAT32, FLOAT64, FLOAT16, INT32, INT8, UINT8), g -> op(o).in(g.ties(3, 4)));
            add(o + "[axis=-1 no keepdims]", F32, g -> op(o).in(g.ties(2, 3, 4))
                    .attrs(a -> a.put("axis", -1L).put("keepdims", 0L)));
            add(o + "[select_last_index]", F32, g -> op(o).in(g.ties(3, 5))
                    .attrs(a -> a.put("axis", 1L).put("select_last_index", 1L)));
        }

        // ---------------------------------------------------------------- Resize
        add("Resize[nearest asymmetric floor x2]", List.of(FLOAT32, UINT8, INT32), g -> op("Resize").in(g.x(1, 2, 3, 4))
                .omitted().constant(floats(1, 1, 2, 2))
                .attrs(a -> a.put("mode", "nearest").put("coordinate_transformation_mode", "asymmetric")
                        .put("nearest_mode", "floor")));
        add("Resize[nearest half_pixel round_prefer_floor]", F32, g -> op("Resize").in(g.x(1, 1, 4, 5))
                .omitted().constant(floats(1, 1, 1.5f, 0.6f))
                .attrs(a -> a.put("mode", "nearest").put("nearest_mode", "round_prefer_floor")));
        add("Resize[nearest default sizes]", F32, g -> op("Resize").in(g.x(1, 1, 3, 3))
                .omitted().omitted().constant(longs(1, 1, 7, 5)));
        add("Resize[nearest ceil align_corners]", F32, g -> op("Resize").in(g.x(1, 2, 3, 3))
                .omitted().omitted().constant(longs(1, 2, 5, 4))
                .attrs(a -> a.put("mode", "nearest").put("nearest_mode", "ceil")
                        .put("coordinate_transformation_mode", "align_corners")));
        add("Resize[linear half_pixel up]", FH, g -> op("Resize").in(g.x(1, 2, 3, 4))
                .omitted().constant(floats(1, 1, 2, 1.5f)).attrs(a -> a.put("mode", "linear")));
        add("Resize[linear half_pixel down]", F32, g -> op("Resize").in(g.x(1, 1, 6, 7))
                .omitted().constant(floats(1, 1, 0.5f, 0.6f)).attrs(a -> a.put("mode", "linear")));
        add("Resize[linear align_corners sizes]", FH, g -> op("Resize").in(g.x(2, 1, 3, 4))
                .omitted().omitted().constant(longs(2, 1, 5, 7))
                .attrs(a -> a.put("mode", "linear").put("coordinate_transformation_mode", "align_corners")));
        add("Resize[linear pytorch_half_pixel]", F32, g -> op("Resize").in(g.x(1, 1, 4, 4))
                .omitted().omitted().constant(longs(1, 1, 1, 6))
                .attrs(a -> a.put("mode", "linear").put("coordinate_transformation_mode", "pytorch_half_pixel")));
        add("Resize[linear 1d-ish rank 3]", F32, g -> op("Resize").in(g.x(1, 2, 5))
                .omitted().constant(floats(1, 1, 1.6f)).attrs(a -> a.put("mode", "linear")));
        add("Resize[cubic half_pixel]", FH, g -> op("Resize").in(g.x(1, 1, 4, 4))
                .omitted().constant(floats(1, 1, 2, 2)).attrs(a -> a.put("mode", "cubic")));
        add("Resize[cubic a=-0.5 exclude_outside]", F32, g -> op("Resize").in(g.x(1, 2, 5, 4))
                .omitted().omitted().constant(longs(1, 2, 3, 7))
                .attrs(a -> a.put("mode", "cubic").put("cubic_coeff_a", -0.5).put("exclude_outside", 1L)));
        add("Resize[cubic align_corners]", F32, g -> op("Resize").in(g.x(1, 1, 3, 3))
                .omitted().omitted().constant(longs(1, 1, 5, 5))
                .attrs(a -> a.put("mode", "cubic").put("coordinate_transformation_mode", "align_corners")));
        add("Resize[linear axes]", F32, g -> op("Resize").in(g.x(1, 2, 3, 4))
                .omitted().constant(floats(2, 0.5f)).attrs(a -> a.put("mode", "linear").put("axes", 2L, 3L)));
        add("Resize[linear antialias down]", F32, g -> op("Resize").in(g.x(1, 2, 8, 9))
                .omitted().constant(floats(1, 1, 0.5f, 0.4f)).attrs(a -> a.put("mode", "linear").put("antialias", 1L)));
        add("Resize[cubic antialias down]", F32, g -> op("Resize").in(g.x(1, 1, 9, 8))
                .omitted().omitted().constant(longs(1, 1, 4, 3)).attrs(a -> a.put("mode", "cubic").put("antialias", 1L)));
        add("Resize[nearest round_prefer_ceil half_pixel_symmetric]", F32, g -> op("Resize").in(g.x(1, 1, 4, 5))
                .omitted().constant(floats(1, 1, 1.75f, 1.5f)).attrs(a -> a.put("mode", "nearest")
                        .put("nearest_mode", "round_prefer_ceil")
                        .put("coordinate_transformation_mode", "half_pixel_symmetric")));
        add("Resize[linear half_pixel_symmetric]", F32, g -> op("Resize").in(g.x(1, 1, 4, 5))
                .omitted().omitted().constant(longs(1, 1, 7, 3)).attrs(a -> a.put("mode", "linear")
                        .put("coordinate_transformation_mode", "half_pixel_symmetric")));
        add("Resize[tf_crop_and_resize roi extrapolation]", F32, g -> op("Resize").in(g.x(1, 1, 4, 4))
                .constant(floats(0, 0, 0.2f, -0.3f, 1, 1, 1.1f, 0.8f)).omitted().constant(longs(1, 1, 3, 5))
                .attrs(a -> a.put("mode", "linear").put("coordinate_transformation_mode", "tf_crop_and_resize")
                        .put("extrapolation_value", 7.5)));
        add("Resize[keep_aspect_ratio not_smaller]", F32, g -> op("Resize").in(g.x(1, 1, 4, 6))
                .omitted().omitted().constant(longs(3, 3)).attrs(a -> a.put("mode", "nearest").put("axes", 2L, 3L)
                        .put("keep_aspect_ratio_policy", "not_smaller")));
        add("Resize[keep_aspect_ratio not_larger]", F32, g -> op("Resize").in(g.x(1, 1, 4, 6))
                .omitted().omitted().constant(longs(3, 3)).attrs(a -> a.put("mode", "linear").put("axes", 2L, 3L)
                        .put("keep_aspect_ratio_policy", "not_larger")));
    }

    static {
        // ---------------------------------------------------------------- older opsets' attribute forms
        add("Unsqueeze[opset 11 axes attribute]", F32, g -> op("Unsqueeze").in(g.x(3, 2)).opset(11)
                .attrs(a -> a.put("axes", 0L, 3L)));
        add("Squeeze[opset 11 axes attribute]", F32, g -> op("Squeeze").in(g.x(1, 3, 1)).opset(11)
                .attrs(a -> a.put("axes", new long[] {-1})));
        add("ReduceSum[opset 11 axes attribute]", F32, g -> op("ReduceSum").in(g.x(2, 3, 4)).opset(11)
                .attrs(a -> a.put("axes", 0L, 2L)));
        add("ReduceMean[opset 13 axes attribute]", F32, g -> op("ReduceMean").in(g.x(2, 3, 4)).opset(13)
                .attrs(a -> a.put("axes", new long[] {1}).put("keepdims", 0L)));
        add("ReduceMax[opset 13 axes attribute]", F32, g -> op("ReduceMax").in(g.x(2, 3, 4)).opset(13)
                .attrs(a -> a.put("axes", new long[] {-1})));
        add("Pad[opset 7 pads attribute]", F32, g -> op("Pad").in(g.x(2, 3)).opset(7)
                .attrs(a -> a.put("pads", 1L, 0L, 0L, 2L).put("value", 1.5)));
        add("Clip[opset 7 min max attributes]", F32, g -> op("Clip").in(g.x(3, 4)).opset(7)
                .attrs(a -> a.put("min", -0.5).put("max", 1.0)));
        add("Slice[opset 7 attributes]", F32, g -> op("Slice").in(g.x(4, 5)).opset(7)
                .attrs(a -> a.put("starts", 1L, 0L).put("ends", 3L, 100L).put("axes", 0L, 1L)));
        add("Softmax[opset 11 coerces to 2-D]", F32, g -> op("Softmax").in(g.x(2, 3, 4)).opset(11));
        add("Softmax[opset 11 axis=2]", F32, g -> op("Softmax").in(g.x(2, 3, 4)).opset(11)
                .attrs(a -> a.put("axis", 2L)));
        add("Softmax[opset 11 axis=-1]", F32, g -> op("Softmax").in(g.x(2, 3, 4)).opset(11)
                .attrs(a -> a.put("axis", -1L)));
        add("Softmax[opset 11 axis=0]", F32, g -> op("Softmax").in(g.x(2, 3)).opset(11)
                .attrs(a -> a.put("axis", 0L)));
        add("Resize[opset 10 scales as second input]", F32, g -> op("Resize").in(g.x(1, 1, 3, 4)).opset(10)
                .constant(floats(1, 1, 2, 1.5f)));
        add("Resize[opset 10 linear]", F32, g -> op("Resize").in(g.x(1, 1, 3, 4)).opset(10)
                .constant(floats(1, 1, 1.7f, 2.5f)).attrs(a -> a.put("mode", "linear")));
        add("Resize[opset 10 nearest downsample]", F32, g -> op("Resize").in(g.x(1, 1, 7, 9)).opset(10)
                .constant(floats(1, 1, 0.6f, 0.45f)));
        add("Resize[opset 10 nearest mixed up and down]", F32, g -> op("Resize").in(g.x(1, 2, 7, 4)).opset(10)
                .constant(floats(1, 1, 0.6f, 2.5f)));
        add("Resize[opset 10 nearest upsample]", F32, g -> op("Resize").in(g.x(1, 1, 3, 4)).opset(10)
                .constant(floats(1, 1, 1.7f, 2.5f)));
        add("Resize[opset 13 linear scales]", F32, g -> op("Resize").in(g.x(1, 1, 3, 4)).opset(13)
                .omitted().constant(floats(1, 1, 2, 1.5f)).attrs(a -> a.put("mode", "linear")));
        add("Resize[opset 11 nearest with roi and sizes]", F32, g -> op("Resize").in(g.x(1, 1, 3, 4)).opset(11)
                .constant(Tensor.zeros(FLOAT32, Shape.of(0))).constant(Tensor.zeros(FLOAT32, Shape.of(0)))
                .constant(longs(1, 1, 6, 6)));
        add("BatchNormalization[opset 9]", F32, g -> op("BatchNormalization").in(g.x(2, 3, 4)).opset(9)
                .constant(g.x(3)).constant(g.x(3)).constant(g.x(3)).constant(g.range(0.1, 2).x(3)));
        add("Gemm[opset 9 without C]", F32, g -> op("Gemm").in(g.x(3, 4)).in(g.x(4, 2)).opset(11));
        add("Split-free Flatten[opset 9]", F32, g -> op("Flatten").in(g.x(2, 3, 4)).opset(9));
    }

    /** NaN, infinities, signed zeros and extremes: where implementations most often part ways. */
    private static Tensor special() {
        return Tensor.ofFloats(Shape.of(2, 5), Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f,
                3.4e38f, -3.4e38f, 1e-45f, -2.5f, 1.5f);
    }

    static {
        // ---------------------------------------------------------------- special values
        for (String o : List.of("Abs", "Neg", "Relu", "Sigmoid", "Tanh", "Exp", "Log", "Sqrt", "Reciprocal", "Ceil",
                "Floor", "Round", "Identity", "Softmax", "Gelu")) {
            add(o + "[special values]", F32, g -> op(o).in(special()));
        }
        add("LeakyRelu[special values]", F32, g -> op("LeakyRelu").in(special()));
        add("Clip[special values]", F32, g -> op("Clip").in(special()).in(scalar(FLOAT32, -1)).in(scalar(FLOAT32, 1)));
        add("Max[special values]", F32, g -> op("Max").in(special()).in(g.x(2, 5)));
        add("Min[special values]", F32, g -> op("Min").in(special()).in(g.x(2, 5)));
        add("Add[special values]", F32, g -> op("Add").in(special()).in(special()));
        add("Mul[special values]", F32, g -> op("Mul").in(special()).in(g.x(5)));
        add("Div[special values]", F32, g -> op("Div").in(g.x(2, 5)).in(special()));
        add("Pow[special values]", F32, g -> op("Pow").in(special()).in(floats(0, 0.5f, 2, -1, 3)));
        add("Equal[special values]", F32, g -> op("Equal").in(special()).in(special()));
        add("Greater[special values]", F32, g -> op("Greater").in(special()).in(floats(0, 1, -1, 0, -0.0f)));
        add("Less[special values]", F32, g -> op("Less").in(special()).in(floats(0, 1, -1, 0, -0.0f)));
        add("Cast[special values -> float16]", F32, g -> op("Cast").in(special())
                .attrs(a -> a.put("to", (long) FLOAT16.onnxCode())));
        add("Cast[special values -> bool]", F32, g -> op("Cast").in(special())
                .attrs(a -> a.put("to", (long) BOOL.onnxCode())));
        // NaN and out-of-range values are undefined in ONNX; Crest follows x86-64 as ONNX Runtime does.
        for (DType to : List.of(INT8, UINT8, DType.INT16, INT32, INT64)) {
            add("Cast[special values -> " + to.displayName() + "]", List.of(FLOAT32, FLOAT64), g -> op("Cast")
                    .in(special().cast(g.dtype)).attrs(a -> a.put("to", (long) to.onnxCode())));
        }
        for (String o : List.of("ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin")) {
            add(o + "[special values]", F32, g -> op(o).in(special()).constant(longs(1)));
        }
        // Known divergence: ONNX Runtime multiplies in float32, so 3.4e38 * -3.4e38 * 1e-45 overflows to infinity
        // where Crest's float64 accumulator does not; the case keeps the other special values.
        add("ReduceProd[special values]", F32, g -> op("ReduceProd").in(Tensor.ofFloats(Shape.of(2, 4), Float.NaN, 2,
                -0.0f, 1, Float.POSITIVE_INFINITY, -0.0f, 1e-45f, -2.5f)).constant(longs(1)));
        add("ArgMax[special values]", F32, g -> op("ArgMax").in(special()).attrs(a -> a.put("axis", 1L)));
        add("ArgMin[special values]", F32, g -> op("ArgMin").in(special()).attrs(a -> a.put("axis", 1L)));
        // Known divergence: ONNX Runtime's pooling skips a NaN depending on its place in the window (it compares
        // with '>'), Crest propagates it; the spec leaves NaN unspecified, so the case holds no NaN.
        add("MaxPool[special values]", F32, g -> op("MaxPool").in(Tensor.ofFloats(Shape.of(1, 1, 2, 5),
                Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0.0f, 0.0f, -3.4e38f, 3.4e38f, 1e-45f, -1e-45f, 1.5f,
                -2.5f)).attrs(a -> a.put("kernel_shape", 1L, 2L)));
        add("MatMul[special values]", F32, g -> op("MatMul").in(special()).in(g.x(5, 2)));
    }

    static {
        // ---------------------------------------------------------------- Constant (run by the interpreter itself)
        add("Constant[value tensor]", ANY, g -> op("Constant").attrs(a -> a.put("value", g.x(2, 3))));
        add("Constant[value_float]", F32, g -> op("Constant").attrs(a -> a.put("value_float", 2.5)));
        add("Constant[value_floats]", F32, g -> op("Constant").attrs(a -> a.put("value_floats", 1.5, -2.0)));
        add("Constant[value_int]", F32, g -> op("Constant").attrs(a -> a.put("value_int", -7L)));
        add("Constant[value_ints]", F32, g -> op("Constant").attrs(a -> a.put("value_ints", 3L, 1L, 4L)));
    }

    /** The operators the brief requires; the test below checks the table covers each. */
    private static final List<String> REQUIRED = List.of("Abs", "Neg", "Relu", "LeakyRelu", "PRelu", "Sigmoid", "Tanh",
            "Gelu", "Softmax", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sqrt", "Exp", "Log", "Reciprocal", "Ceil",
            "Floor", "Round", "Clip", "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Equal", "Greater", "Less",
            "And", "Or", "Xor", "Not", "Where", "Cast", "MatMul", "Gemm", "Conv", "MaxPool", "AveragePool",
            "BatchNormalization", "Pad", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Flatten", "Expand", "Concat",
            "Slice", "Gather", "Tile", "Trilu", "ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd",
            "ArgMax", "ArgMin", "Resize", "Identity");

    @BeforeAll
    static void requireOrt() {
        Assumptions.assumeTrue(OrtRunner.unavailableReason().isEmpty(), () -> OrtRunner.unavailableReason().get());
    }

    @TestFactory
    Stream<DynamicTest> everyRequiredOperatorHasCases() {
        return REQUIRED.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            boolean covered = TABLE.stream().anyMatch(e -> e.label().equals(op) || e.label().startsWith(op + "["));
            if (!covered) {
                fail("no conformance case for " + op);
            }
        }));
    }

    @Test
    void theComparisonCatchesAWrongKernel() {
        // Relu implemented as Identity: the check must notice the negative inputs that ORT clamps to zero.
        KernelRegistry wrong = new KernelRegistry.Builder().register("Relu", 14, (in, attrs) -> List.of(in.get(0)))
                .build();
        OpCase c = op("Relu").in(Tensor.ofFloats(Shape.of(3), -1, 0, 2));
        assertThatThrownBy(() -> check(c, new Interpreter(wrong))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("out0 differs at flat index 0: Crest -1.0, ONNX Runtime 0.0");
        check(c, Interpreter.standard());
    }

    @TestFactory
    Stream<DynamicTest> crestMatchesOnnxRuntime() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Entry e : TABLE) {
            for (DType dtype : e.dtypes()) {
                String name = e.label() + " " + dtype.displayName();
                long seed = name.hashCode();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    try {
                        check(e.make().apply(new Gen(dtype, seed)));
                    } catch (RuntimeException | AssertionError failure) {
                        throw new AssertionError(name + ": " + failure.getMessage(), failure);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static void check(OpCase c) {
        check(c, Interpreter.standard());
    }

    private static void check(OpCase c, Interpreter interpreter) {
        // Crest's own output dtypes declare the graph outputs; a wrong dtype then shows up as ORT's type error.
        Map<String, Tensor> probe = interpreter.trace(c.model(null), c.feeds()).values();
        List<DType> types = new ArrayList<>();
        for (int i = 0; i < c.outputs; i++) {
            types.add(probe.get("out" + i).dtype());
        }
        byte[] bytes = OnnxModels.toBytes(c.model(types));
        Map<String, Tensor> crest = interpreter.run(OnnxModels.parse(bytes), c.feeds());
        Map<String, Tensor> ort;
        try (OrtRunner runner = OrtRunner.open(bytes)) {
            ort = runner.run(c.feeds());
        }
        for (String out : ort.keySet()) {
            Tensor expected = ort.get(out);
            Tensor actual = crest.get(out);
            if (actual.dtype() != expected.dtype() || !actual.shape().equals(expected.shape())) {
                fail(String.format("%s: %s is %s%s in Crest but %s%s in ONNX Runtime%n  case: %s", c.op, out,
                        actual.dtype().displayName(), actual.shape(), expected.dtype().displayName(), expected.shape(), c));
            }
            Closeness closeness = c.tolerance != null ? c.tolerance : closeness(expected.dtype());
            int bad = closeness.firstMismatch(actual, expected);
            if (bad >= 0) {
                fail(String.format("%s: %s differs at flat index %d: Crest %s, ONNX Runtime %s (%s)%n  crest: %s%n  ort:   %s%n  case: %s",
                        c.op, out, bad, actual.getDouble(bad), expected.getDouble(bad), closeness, actual, expected, c));
            }
        }
    }

    private static Closeness closeness(DType dtype) {
        switch (dtype) {
            case FLOAT32:
                return new Closeness(1e-5, 1e-4);
            case FLOAT64:
                return new Closeness(1e-10, 1e-9);
            case FLOAT16:
                return new Closeness(1e-3, 1e-2);
            default:
                return new Closeness(0, 0);
        }
    }
}
