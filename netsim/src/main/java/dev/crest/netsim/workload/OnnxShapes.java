package dev.crest.netsim.workload;

import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.ConstantOp;
import dev.crest.netsim.NetsimException;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Light shape propagation through an ONNX graph, node by node in topological order, so FLOPs can be counted
 * without running the model. Graph inputs take their declared dimensions, a symbolic or unknown first
 * (batch) dimension taking the batch size; any other non-fixed dimension is refused. For each node, in this
 * order: nodes whose inputs are all constants of at most {@value #FOLD_LIMIT} elements are evaluated on Crest's
 * kernels (constant folding, which resolves the {@code Shape → Gather → Concat → Reshape} chains exporters
 * write); the common operators have shape rules; any other operator whose inputs have at most
 * {@value #PROBE_LIMIT} elements each is run on zero-filled inputs to learn its output shapes. A node none of
 * these covers is reported with its operator.
 */
final class OnnxShapes {
    /** Largest constant input, in elements, that is folded by running its kernel. */
    static final long FOLD_LIMIT = 1 << 16;
    /** Largest input, in elements, of an operator without a shape rule that is probed on zeros. */
    static final long PROBE_LIMIT = 1 << 20;

    /** What is known about one value: its element type, dimensions, and its contents if constant. */
    record Value(DType dtype, long[] dims, Tensor constant) {
        long elements() {
            long n = 1;
            for (long d : dims) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        int rank() {
            return dims.length;
        }

        static Value of(Tensor t) {
            return new Value(t.dtype(), t.shape().dimsAsLongs(), t);
        }
    }

    private static final Set<String> SAME_SHAPE = Set.of("Relu", "LeakyRelu", "Sigmoid", "Tanh", "Elu", "Selu",
            "Celu", "Softplus", "Softsign", "HardSigmoid", "HardSwish", "Gelu", "Mish", "Erf", "Exp", "Log", "Sqrt",
            "Reciprocal", "Neg", "Abs", "Ceil", "Floor", "Round", "Sign", "Sin", "Cos", "Tan", "Clip", "Identity",
            "Dropout", "Softmax", "LogSoftmax", "Hardmax", "BatchNormalization", "LayerNormalization",
            "InstanceNormalization", "GroupNormalization", "LRN", "Not", "ThresholdedRelu", "PRelu", "IsNaN",
            "IsInf", "CumSum");
    private static final Set<String> BROADCAST = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum",
            "Mean", "Mod", "Where", "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor",
            "BitShift");
    private static final Set<String> BOOLEAN_RESULT = Set.of("Equal", "Less", "Greater", "LessOrEqual",
            "GreaterOrEqual", "And", "Or", "Xor", "Not", "IsNaN", "IsInf");
    private static final Set<String> REDUCTIONS = Set.of("ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin",
            "ReduceProd", "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp");

    private final KernelRegistry kernels = KernelRegistry.standard();
    private final Map<String, Value> values = new HashMap<>();
    /** Values computed from initializers and constants alone, whether or not their contents are kept. */
    private final Set<String> constantDerived = new HashSet<>();

    OnnxShapes(Graph graph, int batchSize) {
        graph.initializers().forEach((name, t) -> values.put(name, Value.of(t)));
        constantDerived.addAll(graph.initializers().keySet());
        for (ValueInfo in : graph.inputs()) {
            if (!values.containsKey(in.name())) {
                values.put(in.name(), inputValue(in, batchSize));
            }
        }
    }

    /** The value named {@code name}, or {@code null} if it is unknown (an omitted optional input). */
    Value get(String name) {
        return name.isEmpty() ? null : values.get(name);
    }

    private static Value inputValue(ValueInfo in, int batchSize) {
        TensorType type = in.type();
        if (!type.hasRank()) {
            throw new NetsimException("model input '" + in.name() + "' has no declared shape; FLOPs need one");
        }
        long[] dims = new long[type.dims().size()];
        for (int i = 0; i < dims.length; i++) {
            Dim d = type.dims().get(i);
            if (d.isKnown()) {
                dims[i] = d.size();
            } else if (i == 0) {
                dims[i] = batchSize;
            } else {
                throw new NetsimException("model input '" + in.name() + "' has a non-fixed dimension '" + d
                        + "' at axis " + i + "; only the first (batch) dimension may be symbolic");
            }
        }
        return new Value(type.dtype(), dims, null);
    }

    /** Works out the outputs of {@code node} (whose inputs must be known), records and returns them. */
    List<Value> propagate(Node node) {
        List<Value> in = new ArrayList<>();
        for (String name : node.inputs()) {
            Value v = get(name);
            if (!name.isEmpty() && v == null) {
                throw new NetsimException("cannot work out the shape of '" + name + "', an input of node "
                        + node.describe() + ", because the node producing it has no shape rule");
            }
            in.add(v);
        }
        List<Value> out;
        try {
            out = infer(node, in);
        } catch (TensorException | IndexOutOfBoundsException | NullPointerException | ArithmeticException
                | IllegalArgumentException e) {
            // a node whose attributes or inputs do not fit its operator: a malformed model, not a Crest bug
            throw new NetsimException("node " + node.describe() + " is malformed: " + e.getMessage(), e);
        }
        boolean constant = isConstant(node);
        for (int i = 0; i < node.outputs().size() && i < out.size(); i++) {
            String name = node.outputs().get(i);
            if (!name.isEmpty() && out.get(i) != null) {
                values.put(name, out.get(i));
                // a Shape result is fixed too once the batch size is: shape arithmetic folds like a constant
                if (constant || out.get(i).constant() != null) {
                    constantDerived.add(name);
                }
            }
        }
        return out;
    }

    /**
     * True when every given input of {@code node} derives from initializers and constants alone, so a runtime
     * folds the node away before training and it costs nothing per iteration.
     */
    boolean isConstant(Node node) {
        return node.inputs().stream().filter(n -> !n.isEmpty()).allMatch(constantDerived::contains);
    }

    private List<Value> infer(Node node, List<Value> in) {
        String op = node.opType();
        Attributes a = node.attributes();
        if (!node.domain().isEmpty()) {
            throw new NetsimException("node " + node.describe() + " is outside the default ONNX domain; Crest "
                    + "cannot count its FLOPs");
        }
        if (op.equals("Constant")) {
            return List.of(Value.of(constantValue(node)));
        }
        boolean contentsKnown = in.stream().allMatch(v -> v == null || v.constant() != null);
        if (contentsKnown && totalElements(in) <= FOLD_LIMIT && kernels.find(op).isPresent()) {
            List<Value> out = new ArrayList<>();
            for (Tensor t : run(node, constants(in))) {
                out.add(t == null ? null : Value.of(t));
            }
            return out;
        }
        List<Value> ruled = rule(node, op, a, in);
        if (ruled != null) {
            return ruled;
        }
        boolean small = in.stream().allMatch(v -> v == null || v.elements() <= PROBE_LIMIT);
        if (small && kernels.find(op).isPresent()) {
            List<Tensor> probe = new ArrayList<>();
            for (Value v : in) {
                probe.add(v == null ? null : v.constant() != null ? v.constant()
                        : Tensor.zeros(v.dtype(), Shape.of(v.dims())));
            }
            List<Value> out = new ArrayList<>();
            for (Tensor t : run(node, probe)) {
                out.add(t == null ? null : new Value(t.dtype(), t.shape().dimsAsLongs(), null));
            }
            return out;
        }
        throw new NetsimException("cannot work out the output shape of node " + node.describe()
                + ": Crest has no shape rule for " + op + " and its inputs are too large to probe");
    }

    private List<Tensor> run(Node node, List<Tensor> inputs) {
        try {
            return kernels.run(node.opType(), inputs, node.attributes());
        } catch (TensorException e) {
            throw new NetsimException("node " + node.describe() + " fails on its inputs: " + e.getMessage(), e);
        }
    }

    private static List<Tensor> constants(List<Value> in) {
        List<Tensor> out = new ArrayList<>();
        for (Value v : in) {
            out.add(v == null ? null : v.constant());
        }
        return out;
    }

    private static long totalElements(List<Value> in) {
        long n = 0;
        for (Value v : in) {
            n += v == null ? 0 : v.elements();
        }
        return n;
    }

    private static Tensor constantValue(Node node) {
        try {
            return ConstantOp.value(node);
        } catch (GraphException e) {
            throw new NetsimException("Constant node " + node.describe() + " holds no numeric value: " + e.getMessage());
        }
    }

    /** Output shapes by rule, or {@code null} when {@code op} has none. */
    private List<Value> rule(Node node, String op, Attributes a, List<Value> in) {
        Value x = in.isEmpty() ? null : in.get(0);
        if (SAME_SHAPE.contains(op)) {
            return List.of(new Value(BOOLEAN_RESULT.contains(op) ? DType.BOOL : x.dtype(), x.dims(), null));
        }
        if (op.equals("Cast")) {
            return List.of(new Value(DType.fromOnnxCode((int) a.getLong("to")), x.dims(), null));
        }
        if (BROADCAST.contains(op)) {
            long[] dims = new long[0];
            for (Value v : in) {
                if (v != null) {
                    dims = broadcast(node, dims, v.dims());
                }
            }
            DType type = BOOLEAN_RESULT.contains(op) ? DType.BOOL : op.equals("Where") ? in.get(1).dtype() : x.dtype();
            return List.of(new Value(type, dims, null));
        }
        switch (op) {
            case "Conv":
                return List.of(conv(node, a, x, in.get(1).dims()[0], Arrays.copyOfRange(in.get(1).dims(), 2,
                        in.get(1).rank()), false));
            case "ConvTranspose": {
                long group = a.getLong("group", 1);
                return List.of(conv(node, a, x, in.get(1).dims()[1] * group, Arrays.copyOfRange(in.get(1).dims(), 2,
                        in.get(1).rank()), true));
            }
            case "MaxPool":
            case "AveragePool":
            case "LpPool":
                return List.of(conv(node, a, x, x.dims()[1], a.getLongs("kernel_shape"), false));
            case "GlobalAveragePool":
            case "GlobalMaxPool":
            case "GlobalLpPool": {
                long[] dims = x.dims().clone();
                Arrays.fill(dims, 2, dims.length, 1);
                return List.of(new Value(x.dtype(), dims, null));
            }
            case "Gemm": {
                long[] ad = x.dims();
                long[] bd = in.get(1).dims();
                long m = a.getLong("transA", 0) != 0 ? ad[1] : ad[0];
                long n = a.getLong("transB", 0) != 0 ? bd[0] : bd[1];
                return List.of(new Value(x.dtype(), new long[] {m, n}, null));
            }
            case "MatMul":
                return List.of(new Value(x.dtype(), matMulDims(node, x.dims(), in.get(1).dims()), null));
            case "Flatten": {
                int axis = axis(a.getLong("axis", 1), x.rank() + 1);
                long outer = 1;
                long inner = 1;
                for (int i = 0; i < x.rank(); i++) {
                    if (i < axis) {
                        outer *= x.dims()[i];
                    } else {
                        inner *= x.dims()[i];
                    }
                }
                return List.of(new Value(x.dtype(), new long[] {outer, inner}, null));
            }
            case "Reshape":
                return in.get(1).constant() == null ? null
                        : List.of(new Value(x.dtype(), reshape(node, x, in.get(1).constant().toLongArray(),
                                a.getLong("allowzero", 0) != 0), null));
            case "Transpose": {
                long[] perm = a.getLongs("perm");
                long[] dims = new long[x.rank()];
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = x.dims()[perm == null ? dims.length - 1 - i : (int) perm[i]];
                }
                return List.of(new Value(x.dtype(), dims, null));
            }
            case "Concat": {
                int axis = axis(a.getLong("axis"), x.rank());
                long[] dims = x.dims().clone();
                dims[axis] = 0;
                for (Value v : in) {
                    dims[axis] += v.dims()[axis];
                }
                return List.of(new Value(x.dtype(), dims, null));
            }
            case "Shape": {
                int start = axisClamped(a.getLong("start", 0), x.rank());
                int end = axisClamped(a.getLong("end", x.rank()), x.rank());
                long[] dims = Arrays.copyOfRange(x.dims(), start, Math.max(start, end));
                Tensor t = Tensor.fromLongs(DType.INT64, Shape.of(dims.length), dims);
                return List.of(new Value(DType.INT64, new long[] {dims.length}, t));
            }
            case "Gather": {
                long[] idx = in.get(1).dims();
                int axis = axis(a.getLong("axis", 0), x.rank());
                long[] dims = new long[x.rank() - 1 + idx.length];
                int k = 0;
                for (int i = 0; i < axis; i++) {
                    dims[k++] = x.dims()[i];
                }
                for (long d : idx) {
                    dims[k++] = d;
                }
                for (int i = axis + 1; i < x.rank(); i++) {
                    dims[k++] = x.dims()[i];
                }
                return List.of(new Value(x.dtype(), dims, null));
            }
            case "Unsqueeze":
            case "Squeeze": {
                long[] axes = axesOf(a, in);
                if (axes == null && op.equals("Unsqueeze")) {
                    return null;
                }
                return List.of(new Value(x.dtype(), op.equals("Squeeze") ? squeeze(x.dims(), axes)
                        : unsqueeze(x.dims(), axes), null));
            }
            case "Expand":
                return in.get(1).constant() == null ? null
                        : List.of(new Value(x.dtype(), broadcast(node, x.dims(), in.get(1).constant().toLongArray()),
                                null));
            case "ConstantOfShape":
                return in.get(0).constant() == null ? null : List.of(constantOfShape(a, in.get(0).constant()));
            case "Slice":
                return slice(x, in);
            case "Split":
                return split(node, a, x, in);
            case "Pad": {
                long[] pads = in.size() > 1 && in.get(1) != null
                        ? in.get(1).constant() == null ? null : in.get(1).constant().toLongArray()
                        : a.getLongs("pads");
                if (pads == null || (in.size() > 3 && in.get(3) != null)) {
                    return null;
                }
                long[] dims = x.dims().clone();
                for (int i = 0; i < dims.length; i++) {
                    dims[i] += pads[i] + pads[i + dims.length];
                }
                return List.of(new Value(x.dtype(), dims, null));
            }
            default:
                if (REDUCTIONS.contains(op)) {
                    long[] axes = axesOf(a, in);
                    if (in.size() > 1 && in.get(1) != null && axes == null) {
                        return null;
                    }
                    boolean keep = a.getLong("keepdims", 1) != 0;
                    // An absent and an empty axes list are the same to ONNX: both mean "none given".
                    boolean noAxes = axes == null || axes.length == 0;
                    boolean noop = noAxes && a.getLong("noop_with_empty_axes", 0) != 0;
                    return List.of(new Value(x.dtype(), noop ? x.dims() : reduce(x.dims(), axes, keep), null));
                }
                return null;
        }
    }

    private static Value constantOfShape(Attributes a, Tensor shape) {
        long[] dims = shape.toLongArray();
        Tensor fill = a.getTensor("value");
        DType type = fill == null ? DType.FLOAT32 : fill.dtype();
        Value v = new Value(type, dims, null);
        if (v.elements() <= FOLD_LIMIT) {
            double value = fill == null ? 0 : fill.getDouble(0);
            return Value.of(Tensor.full(type, Shape.of(dims), value));
        }
        return v;
    }

    /** ONNX Slice-10+ with constant starts, ends, axes and steps; {@code null} when one is not constant. */
    private static List<Value> slice(Value x, List<Value> in) {
        for (int i = 1; i < in.size(); i++) {
            if (in.get(i) != null && in.get(i).constant() == null) {
                return null;
            }
        }
        if (in.size() < 3) {
            return null; // Slice-1 keeps starts and ends in attributes; left to the probe
        }
        long[] starts = in.get(1).constant().toLongArray();
        long[] ends = in.get(2).constant().toLongArray();
        long[] axes = in.size() > 3 && in.get(3) != null ? in.get(3).constant().toLongArray() : null;
        long[] steps = in.size() > 4 && in.get(4) != null ? in.get(4).constant().toLongArray() : null;
        long[] dims = x.dims().clone();
        for (int i = 0; i < starts.length; i++) {
            int ax = axes == null ? i : axis(axes[i], dims.length);
            long n = x.dims()[ax];
            long step = steps == null ? 1 : steps[i];
            long start = starts[i] < 0 ? starts[i] + n : starts[i];
            long end = ends[i] < 0 ? ends[i] + n : ends[i];
            if (step > 0) {
                start = Math.max(0, Math.min(n, start));
                end = Math.max(0, Math.min(n, end));
                dims[ax] = end > start ? (end - start + step - 1) / step : 0;
            } else {
                start = Math.max(-1, Math.min(n - 1, start));
                end = Math.max(-1, Math.min(n - 1, end));
                dims[ax] = start > end ? (start - end - step - 1) / -step : 0;
            }
        }
        return List.of(new Value(x.dtype(), dims, null));
    }

    private static List<Value> split(Node node, Attributes a, Value x, List<Value> in) {
        int ax = axis(a.getLong("axis", 0), x.rank());
        long[] sizes = a.getLongs("split");
        if (sizes == null && in.size() > 1 && in.get(1) != null) {
            if (in.get(1).constant() == null) {
                return null;
            }
            sizes = in.get(1).constant().toLongArray();
        }
        int parts = node.outputs().size();
        if (sizes == null) {
            long n = x.dims()[ax];
            long chunk = (n + parts - 1) / parts;
            sizes = new long[parts];
            for (int i = 0; i < parts; i++) {
                sizes[i] = Math.max(0, Math.min(chunk, n - i * chunk));
            }
        }
        List<Value> out = new ArrayList<>();
        for (long size : sizes) {
            long[] dims = x.dims().clone();
            dims[ax] = size;
            out.add(new Value(x.dtype(), dims, null));
        }
        return out;
    }

    /** Axes from the {@code axes} attribute (older opsets) or the constant second input, or {@code null}. */
    private static long[] axesOf(Attributes a, List<Value> in) {
        if (a.has("axes")) {
            return a.getLongs("axes");
        }
        if (in.size() > 1 && in.get(1) != null && in.get(1).constant() != null) {
            return in.get(1).constant().toLongArray();
        }
        return null;
    }

    private static long[] reduce(long[] dims, long[] axes, boolean keep) {
        boolean[] reduced = new boolean[dims.length];
        if (axes == null || axes.length == 0) {
            Arrays.fill(reduced, true);
        } else {
            for (long ax : axes) {
                reduced[axis(ax, dims.length)] = true;
            }
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            if (!reduced[i]) {
                out.add(dims[i]);
            } else if (keep) {
                out.add(1L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] squeeze(long[] dims, long[] axes) {
        boolean[] drop = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            drop[i] = axes == null && dims[i] == 1;
        }
        if (axes != null) {
            for (long ax : axes) {
                drop[axis(ax, dims.length)] = true;
            }
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            if (!drop[i]) {
                out.add(dims[i]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] unsqueeze(long[] dims, long[] axes) {
        int rank = dims.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long ax : axes) {
            inserted[axis(ax, rank)] = true;
        }
        long[] out = new long[rank];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : dims[k++];
        }
        return out;
    }

    private static long[] reshape(Node node, Value x, long[] target, boolean allowZero) {
        long[] dims = target.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 0 && !allowZero) {
                dims[i] = x.dims()[i];
            }
            if (dims[i] == -1) {
                unknown = i;
            } else {
                known *= dims[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || x.elements() % known != 0) {
                throw new NetsimException("node " + node.describe() + " cannot reshape " + Arrays.toString(x.dims())
                        + " to " + Arrays.toString(target));
            }
            dims[unknown] = x.elements() / known;
        }
        return dims;
    }

    /**
     * Convolution and pooling output dimensions: {@code floor((in + pads − dilation·(k−1) − 1) / stride) + 1}
     * ({@code ceil} with {@code ceil_mode}), {@code ceil(in / stride)} for the SAME auto-pads; transposed:
     * {@code stride·(in−1) + output_padding + dilation·(k−1) + 1 − pads}, or {@code output_shape} when given.
     */
    private static Value conv(Node node, Attributes a, Value x, long channels, long[] kernel, boolean transposed) {
        if (kernel == null) {
            throw new NetsimException("node " + node.describe() + " has no kernel shape");
        }
        int spatial = x.rank() - 2;
        long[] strides = orOnes(a.getLongs("strides"), spatial);
        long[] dilations = orOnes(a.getLongs("dilations"), spatial);
        long[] pads = a.getLongs("pads");
        String autoPad = a.getString("auto_pad", "NOTSET");
        boolean ceil = a.getLong("ceil_mode", 0) != 0;
        long[] outputPadding = a.getLongs("output_padding");
        long[] outputShape = a.getLongs("output_shape");
        long[] dims = new long[x.rank()];
        dims[0] = x.dims()[0];
        dims[1] = channels;
        for (int i = 0; i < spatial; i++) {
            long in = x.dims()[i + 2];
            long extent = dilations[i] * (kernel[i] - 1) + 1;
            long padding = pads == null ? 0 : pads[i] + pads[i + spatial];
            long out;
            if (transposed) {
                if (outputShape != null) {
                    out = outputShape[outputShape.length - spatial + i];
                } else if (autoPad.startsWith("SAME")) {
                    out = in * strides[i];
                } else {
                    out = strides[i] * (in - 1) + (outputPadding == null ? 0 : outputPadding[i]) + extent - padding;
                }
            } else if (autoPad.startsWith("SAME")) {
                out = Math.floorDiv(in + strides[i] - 1, strides[i]);
            } else {
                long span = in + (autoPad.equals("VALID") ? 0 : padding) - extent;
                out = (ceil ? Math.floorDiv(span + strides[i] - 1, strides[i]) : Math.floorDiv(span, strides[i])) + 1;
            }
            if (out <= 0) {
                throw new NetsimException("node " + node.describe() + " gets an input of size " + in + " at spatial axis "
                        + i + ", too small for its window");
            }
            dims[i + 2] = out;
        }
        return new Value(x.dtype(), dims, null);
    }

    private static long[] orOnes(long[] given, int n) {
        if (given != null) {
            return given;
        }
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    /** numpy {@code matmul} dimensions: 1-D operands are promoted and the added axis removed afterwards. */
    private static long[] matMulDims(Node node, long[] a, long[] b) {
        long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
        if (a2[a2.length - 1] != b2[b2.length - 2]) {
            throw new NetsimException("node " + node.describe() + " multiplies " + Arrays.toString(a) + " by "
                    + Arrays.toString(b) + ": inner dimensions differ");
        }
        long[] batch = broadcast(node, Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
        List<Long> out = new ArrayList<>();
        for (long d : batch) {
            out.add(d);
        }
        if (a.length > 1) {
            out.add(a2[a2.length - 2]);
        }
        if (b.length > 1) {
            out.add(b2[b2.length - 1]);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] broadcast(Node node, long[] x, long[] y) {
        int rank = Math.max(x.length, y.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long dx = i < rank - x.length ? 1 : x[i - (rank - x.length)];
            long dy = i < rank - y.length ? 1 : y[i - (rank - y.length)];
            if (dx != dy && dx != 1 && dy != 1) {
                throw new NetsimException("node " + node.describe() + " cannot broadcast " + Arrays.toString(x)
                        + " with " + Arrays.toString(y));
            }
            out[i] = dx == 1 ? dy : dx;
        }
        return out;
    }

    private static int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new NetsimException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    private static int axisClamped(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return (int) Math.max(0, Math.min(rank, a));
    }
}
