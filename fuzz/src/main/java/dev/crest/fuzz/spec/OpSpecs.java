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
    private static final DType U8 = DType.UINT8;
    private static final DType I32 = DType.INT32;
    private static final DType I64 = DType.INT64;
    private static final DType BOOL = DType.BOOL;
    /** Every dtype Crest has: the data-movement operators take them all, in ONNX and in ONNX Runtime. */
    private static final List<DType> ALL = List.of(DType.values());
    private static final List<DType> F32_F64 = List.of(F32, F64);
    private static final List<DType> ARITHMETIC = List.of(F32, F64, I32, I64);
    /** Binary arithmetic as the ONNX schema allows; float16 kernels exist in ONNX Runtime on some platforms. */
    private static final List<DType> BINARY_ARITHMETIC = List.of(F16, F32, F64, I32, I64);

    private final Map<String, OpSpec> byName;

    private OpSpecs(Map<String, OpSpec> byName) {
        this.byName = byName;
    }

    /**
     * Every operator Crest specifies. Dtype lists are those ONNX Runtime's CPU provider has kernels for at
     * opset 17 (float16 where the schema has it and
     * ONNX Runtime has a kernel at least on some platforms), within what the ONNX schema and Crest's kernels allow.
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
        for (String op : List.of("Abs", "Neg")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, ARITHMETIC, false));
        }
        for (String op : List.of("Exp", "Ceil", "Floor", "Sin")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, F32_F64, false));
        }
        for (String op : List.of("Sqrt", "Log", "Reciprocal")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, F32_F64, true));
        }
        for (String op : List.of("Cos", "Tan", "Atan")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, List.of(F32), false));
        }
        for (String op : List.of("Asin", "Acos")) {
            register(specs, new UnaryElementwiseSpec(op, OpFamily.UNARY_MATH, List.of(F32), true));
        }
        register(specs, new UnaryElementwiseSpec("Round", OpFamily.UNARY_MATH, FLOATS, false, 0, 11, NO_ATTRIBUTES));
        register(specs, new UnaryElementwiseSpec("Relu", OpFamily.ACTIVATION, FLOATS, false));
        register(specs, new UnaryElementwiseSpec("Sigmoid", OpFamily.ACTIVATION, F32_F64, false));
        register(specs, new UnaryElementwiseSpec("Tanh", OpFamily.ACTIVATION, F32_F64, false));
        register(specs, new UnaryElementwiseSpec("LeakyRelu", OpFamily.ACTIVATION, List.of(F32), false, 0, 6,
                (random, rank) -> random.nextBoolean() ? Attributes.empty()
                        : Attributes.builder().put("alpha", 0.05 * random.nextInt(1, 11)).build()));
        register(specs, new UnaryElementwiseSpec("Gelu", OpFamily.ACTIVATION, F32_F64, false, 0, 20,
                (random, rank) -> random.nextBoolean() ? Attributes.empty()
                        : Attributes.builder().put("approximate", "tanh").build()));
        register(specs, new UnaryElementwiseSpec("Softmax", OpFamily.ACTIVATION, F32_F64, false, 1, 1,
                (random, rank) -> Attributes.builder().put("axis", (long) random.nextInt(rank)).build()));
        register(specs, new PReluSpec(List.of(F32)));
        register(specs, new ClipSpec(ARITHMETIC));

        for (String op : List.of("Add", "Sub", "Mul")) {
            register(specs, new BroadcastBinarySpec(op, OpFamily.BINARY_ARITHMETIC, uniform(BINARY_ARITHMETIC, 2),
                    false));
        }
        register(specs, new BroadcastBinarySpec("Div", OpFamily.BINARY_ARITHMETIC, uniform(BINARY_ARITHMETIC, 2),
                true));
        List<Signature> pow = new ArrayList<>(uniform(ARITHMETIC, 2));
        pow.add(new Signature(List.of(F32, I32), List.of(F32)));
        pow.add(new Signature(List.of(F32, I64), List.of(F32)));
        pow.add(new Signature(List.of(F64, I64), List.of(F64)));
        register(specs, new BroadcastBinarySpec("Pow", OpFamily.BINARY_ARITHMETIC, pow, true));
        for (String op : List.of("Max", "Min")) {
            register(specs, new VariadicBroadcastSpec(op, OpFamily.BINARY_ARITHMETIC, new int[] {1, 2, 3},
                    count -> uniform(List.of(F16, F32, F64, I32, I64), count), 12));
        }
        // Float Equal is left out: rounding differences between backends make it flaky (NNSmith).
        register(specs, new BroadcastBinarySpec("Equal", OpFamily.COMPARISON, comparisons(List.of(I32, I64, BOOL)), false));
        for (String op : List.of("Greater", "Less")) {
            register(specs, new BroadcastBinarySpec(op, OpFamily.COMPARISON, comparisons(ARITHMETIC), false));
        }
        for (String op : List.of("And", "Or", "Xor")) {
            register(specs, new BroadcastBinarySpec(op, OpFamily.LOGICAL, uniform(List.of(BOOL), 2), false));
        }
        register(specs, new UnaryElementwiseSpec("Not", OpFamily.LOGICAL, List.of(BOOL), false));
        register(specs, new VariadicBroadcastSpec("Where", OpFamily.LOGICAL, new int[] {3},
                count -> List.of(F16, F32, F64, I32, I64, U8).stream()
                        .map(d -> new Signature(List.of(BOOL, d, d), List.of(d))).toList(), 9));
        register(specs, new CastSpec(ALL));
        register(specs, new UnaryElementwiseSpec("Identity", OpFamily.CAST, ALL, false));
    }

    private static void registerReductions(Map<String, OpSpec> specs) {
        register(specs, new ReduceSpec("ReduceSum", ARITHMETIC, 13));
        register(specs, new ReduceSpec("ReduceMean", List.of(F32, F64, I32), 18));
        register(specs, new ReduceSpec("ReduceProd", List.of(F32, I32, I64), 18));
        register(specs, new ReduceSpec("ReduceMax", List.of(F32, F64, I32, I64, I8, U8), 18));
        register(specs, new ReduceSpec("ReduceMin", List.of(F32, F64, I32, I64, I8, U8), 18));
        register(specs, new ArgReduceSpec("ArgMax", List.of(F32, F64, I32, I8, U8)));
        register(specs, new ArgReduceSpec("ArgMin", List.of(F32, F64, I32, I8, U8)));
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
        register(specs, new PadSpec(List.of(F32, F64, I32, I64, I8, U8, BOOL)));
        register(specs, new SliceSpec(ALL));
        register(specs, new GatherSpec(ALL));
        register(specs, new TriluSpec(List.of(F32, F64, I64, BOOL)));
    }

    private static void registerNetworkLayers(Map<String, OpSpec> specs) {
        register(specs, new MatMulSpec(ARITHMETIC));
        register(specs, new GemmSpec(F32_F64));
        register(specs, new ConvSpec(List.of(F32)));
        register(specs, new PoolSpec("MaxPool", List.of(F32, F64, I8, U8), 12));
        register(specs, new PoolSpec("AveragePool", List.of(F32), 10));
        register(specs, new BatchNormalizationSpec(F32_F64));
        register(specs, new ResizeSpec(List.of(F32, I32, I8, U8)));
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
