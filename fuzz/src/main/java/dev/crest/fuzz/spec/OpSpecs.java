package dev.crest.fuzz.spec;

import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of operator specifications by ONNX name, registered explicitly (no classpath scanning), in a
 * stable order so that a seed always draws the same operators.
 */
public final class OpSpecs {
    /** Float element types every float operator is specified for. */
    public static final List<DType> FLOATS = List.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64);

    private static final DType F16 = DType.FLOAT16;
    private static final DType F32 = DType.FLOAT32;
    private static final DType F64 = DType.FLOAT64;
    private static final DType I8 = DType.INT8;
    private static final DType I16 = DType.INT16;
    private static final DType U8 = DType.UINT8;
    private static final DType I32 = DType.INT32;
    private static final DType I64 = DType.INT64;
    private static final DType BOOL = DType.BOOL;
    /** Every dtype Crest has: the data-movement operators take them all, in ONNX and in ONNX Runtime. */
    private static final List<DType> ALL = List.of(DType.values());
    /** float16 and float32: the trigonometric functions, which ONNX Runtime lacks for float64. */
    private static final List<DType> F16_F32 = List.of(F16, F32);
    private static final List<DType> NUMERIC = List.of(F16, F32, F64, I8, I16, U8, I32, I64);
    private static final List<DType> SIGNED = List.of(F16, F32, F64, I8, I16, I32, I64);
    private static final List<DType> FLOATS_AND_WIDE_INTS = List.of(F16, F32, F64, I32, I64);
    private static final List<DType> ORDERED = List.of(F16, F32, F64, I8, U8, I32, I64);

    private final Map<String, OpSpec> byName;

    private OpSpecs(Map<String, OpSpec> byName) {
        this.byName = byName;
    }

    /**
     * Every operator Crest specifies. Dtype lists are those ONNX Runtime 1.23's CPU provider runs at opset 17
     * (float16 often through the float32 kernel with casts ONNX Runtime inserts), within what the ONNX schema
     * and Crest's kernels allow: every listed combination was run on both.
     */
    public static OpSpecs standard() {
        Map<String, OpSpec> specs = new LinkedHashMap<>();
        registerElementwise(specs);
        registerReductions(specs);
        registerShapes(specs);
        registerNetworkLayers(specs);
        return new OpSpecs(specs);
    }

    private static void registerElementwise(Map<String, OpSpec> specs) {
        register(specs, new UnaryElementwiseSpec("Abs", OpFamily.UNARY_MATH, NUMERIC, false));
        register(specs, new UnaryElementwiseSpec("Neg", OpFamily.UNARY_MATH, SIGNED, false));
        for (String op : List.of("Exp", "Ceil", "Floor", "Sin")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, FLOATS, false));
        }
        for (String op : List.of("Sqrt", "Log", "Reciprocal")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, FLOATS, true));
        }
        for (String op : List.of("Cos", "Tan", "Atan")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, F16_F32, false));
        }
        for (String op : List.of("Asin", "Acos")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, F16_F32, true));
        }
        register(specs, new UnaryElementwiseSpec("Round", OpFamily.UNARY_MATH, FLOATS, false, 0, 11, NO_ATTRIBUTES));
        // Integer Relu (opset 14) is left out so that Relu stays available at every opset.
        register(specs, new UnaryElementwiseSpec("Relu", OpFamily.ACTIVATION, FLOATS, false));
        register(specs, new UnaryElementwiseSpec("Sigmoid", OpFamily.ACTIVATION, FLOATS, false));
        register(specs, new UnaryElementwiseSpec("Tanh", OpFamily.ACTIVATION, FLOATS, false));
        register(specs, new UnaryElementwiseSpec("LeakyRelu", OpFamily.ACTIVATION, FLOATS, false, 0, 6,
                (random, rank) -> random.nextBoolean() ? Attributes.empty()
                        : Attributes.builder().put("alpha", 0.05 * random.nextInt(1, 11)).build()));
        register(specs, new UnaryElementwiseSpec("Gelu", OpFamily.ACTIVATION, FLOATS, false, 0, 20,
                (random, rank) -> random.nextBoolean() ? Attributes.empty()
                        : Attributes.builder().put("approximate", "tanh").build()));
        register(specs, new UnaryElementwiseSpec("Softmax", OpFamily.ACTIVATION, FLOATS, false, 1, 1,
                (random, rank) -> Attributes.builder().put("axis", (long) random.nextInt(rank)).build()));
        register(specs, new PReluSpec(FLOATS_AND_WIDE_INTS));
        register(specs, new ClipSpec(ORDERED));

        // int8, int16 and uint8 arithmetic (opset 14) are left out so that arithmetic exists at every opset.
        for (String op : List.of("Add", "Sub", "Mul")) {
            register(specs, new BroadcastBinarySpec(op, OpFamily.BINARY_ARITHMETIC, uniform(FLOATS_AND_WIDE_INTS, 2),
                    false));
        }
        register(specs, new BroadcastBinarySpec("Div", OpFamily.BINARY_ARITHMETIC, uniform(FLOATS_AND_WIDE_INTS, 2),
                true));
        List<Signature> pow = new ArrayList<>(uniform(FLOATS_AND_WIDE_INTS, 2));
        for (DType base : List.of(F32, F64)) {
            for (DType exponent : FLOATS_AND_WIDE_INTS) {
                if (exponent != base) {
                    pow.add(new Signature(List.of(base, exponent), List.of(base)));
                }
            }
        }
        register(specs, new BroadcastBinarySpec("Pow", OpFamily.BINARY_ARITHMETIC, pow, true, 12));
        for (String op : List.of("Max", "Min")) {
            register(specs, new VariadicBroadcastSpec(op, OpFamily.BINARY_ARITHMETIC, new int[] {1, 2, 3},
                    count -> uniform(FLOATS_AND_WIDE_INTS, count), 12));
        }
        // Float Equal is left out: rounding differences between backends make it flaky (NNSmith).
        register(specs, new BroadcastBinarySpec("Equal", OpFamily.COMPARISON,
                comparisons(List.of(I8, I16, U8, I32, I64, BOOL)), false, 11));
        for (String op : List.of("Greater", "Less")) {
            register(specs, new BroadcastBinarySpec(op, OpFamily.COMPARISON, comparisons(NUMERIC), false, 9));
        }
        for (String op : List.of("And", "Or", "Xor")) {
            register(specs, new BroadcastBinarySpec(op, OpFamily.LOGICAL, uniform(List.of(BOOL), 2), false));
        }
        register(specs, new UnaryElementwiseSpec("Not", OpFamily.LOGICAL, List.of(BOOL), false));
        register(specs, new VariadicBroadcastSpec("Where", OpFamily.LOGICAL, new int[] {3},
                count -> List.of(F16, F32, F64, U8, I32, I64).stream()
                        .map(d -> new Signature(List.of(BOOL, d, d), List.of(d))).toList(), 9));
        register(specs, new CastSpec(ALL));
        register(specs, new UnaryElementwiseSpec("Identity", OpFamily.CAST, ALL, false));
    }

    private static void registerReductions(Map<String, OpSpec> specs) {
        register(specs, new ReduceSpec("ReduceSum", FLOATS_AND_WIDE_INTS, 13, 1));
        for (String op : List.of("ReduceMean", "ReduceProd")) {
            register(specs, new ReduceSpec(op, FLOATS_AND_WIDE_INTS, 18, 1));
        }
        for (String op : List.of("ReduceMax", "ReduceMin")) {
            register(specs, new ReduceSpec(op, ORDERED, 18, 12));
        }
        register(specs, new ArgReduceSpec("ArgMax", ORDERED));
        register(specs, new ArgReduceSpec("ArgMin", ORDERED));
    }

    private static void registerShapes(Map<String, OpSpec> specs) {
        register(specs, new ReshapeSpec(ALL));
        register(specs, new FlattenSpec(ALL));
        register(specs, new SqueezeSpec(ALL));
        register(specs, new UnsqueezeSpec(ALL));
        register(specs, new TransposeSpec(ALL));
        register(specs, new ExpandSpec(ALL));
        register(specs, new TileSpec(ALL));
        register(specs, new ConcatSpec(ALL));
        register(specs, new PadSpec(List.of(F16, F32, F64, I8, U8, I32, I64, BOOL)));
        register(specs, new SliceSpec(ALL));
        register(specs, new GatherSpec(ALL));
        register(specs, new TriluSpec(List.of(F16, F32, F64, I64, BOOL)));
    }

    private static void registerNetworkLayers(Map<String, OpSpec> specs) {
        register(specs, new MatMulSpec(FLOATS_AND_WIDE_INTS));
        register(specs, new GemmSpec(FLOATS));
        // ONNX Runtime runs float16 Conv without bias only.
        register(specs, new ConvSpec(count -> count == 2 ? F16_F32 : List.of(F32)));
        register(specs, new PoolSpec("MaxPool", List.of(F16, F32, F64, I8, U8), 12));
        register(specs, new PoolSpec("AveragePool", F16_F32, 10));
        register(specs, new BatchNormalizationSpec(FLOATS));
        register(specs, new ResizeSpec(List.of(F16, F32, I8, U8, I32)));
    }

    private static final UnaryElementwiseSpec.AttributeDraw NO_ATTRIBUTES = (random, rank) -> Attributes.empty();

    /** One signature per dtype, every input and the output of that dtype. */
    private static List<Signature> uniform(List<DType> dtypes, int inputs) {
        return dtypes.stream().map(d -> Signature.uniform(d, inputs, 1)).toList();
    }

    /** Two inputs of one dtype, a bool output. */
    private static List<Signature> comparisons(List<DType> dtypes) {
        return dtypes.stream().map(d -> new Signature(List.of(d, d), List.of(BOOL))).toList();
    }

    private static void register(Map<String, OpSpec> specs, OpSpec spec) {
        if (specs.putIfAbsent(spec.opType(), spec) != null) {
            throw new IllegalStateException("operator specified twice: " + spec.opType());
        }
    }

    public Collection<OpSpec> all() {
        return byName.values();
    }

    /** The spec of {@code opType}, or a user error naming the operators that exist. */
    public OpSpec get(String opType) {
        OpSpec spec = byName.get(opType);
        if (spec == null) {
            throw new FuzzException("unknown operator '" + opType + "'; known: " + String.join(", ", byName.keySet()));
        }
        return spec;
    }

    /** The registry restricted to the named operators (each must exist). */
    public OpSpecs only(Collection<String> opTypes) {
        Map<String, OpSpec> subset = new LinkedHashMap<>();
        for (String name : opTypes) {
            subset.put(name, get(name));
        }
        return new OpSpecs(subset);
    }
}
