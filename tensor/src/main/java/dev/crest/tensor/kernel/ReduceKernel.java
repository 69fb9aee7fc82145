package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ReduceSum, ReduceMean, ReduceProd, ReduceMax and ReduceMin with ONNX semantics: {@code axes} from the optional
 * input (or the older attribute), {@code keepdims} (default 1), and {@code noop_with_empty_axes} deciding whether
 * empty axes reduce everything (default) or return the input. Floats accumulate in float64 and round once;
 * integers accumulate in int64 and wrap to their width. Empty reductions give ONNX's values: 0 for sums, 1 for
 * products, the lowest (highest) value of the type for max (min); a mean over nothing, which ONNX leaves
 * undefined, is an error. Max and min propagate NaN.
 */
final class ReduceKernel {
    /** The reduction an instance computes. */
    enum Kind {
        SUM, MEAN, PROD, MAX, MIN
    }

    private static final Set<DType> ARITHMETIC_TYPES =
            EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64);
    private static final Set<DType> ORDERED_TYPES = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64,
            DType.INT8, DType.UINT8, DType.INT32, DType.INT64, DType.BOOL);

    private ReduceKernel() {
    }

    static Kernel kernel(Kind kind) {
        return (inputs, attributes) -> List.of(reduce(kind, inputs, attributes));
    }

    private static Tensor reduce(Kind kind, List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 2);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        KernelArgs.requireDType(data, "data", kind == Kind.MAX || kind == Kind.MIN ? ORDERED_TYPES : ARITHMETIC_TYPES);
        long[] axes = ShapeAxes.inputOrAttribute(inputs, 1, attributes, "axes");
        boolean keepDims = ShapeAxes.flag(attributes, "keepdims", true);
        boolean noop = ShapeAxes.flag(attributes, "noop_with_empty_axes", false);
        int rank = data.rank();
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            if (noop) {
                return data;
            }
            Arrays.fill(reduced, true);
        } else {
            for (int a : ShapeAxes.normalize(axes, rank, "axes")) {
                reduced[a] = true;
            }
        }
        ReductionPlan plan = ReductionPlan.of(data.shape(), reduced, keepDims);
        if (kind == Kind.MEAN && plan.groupSize == 0 && plan.groups > 0) {
            throw new TensorException("the mean of an empty set is undefined: data " + data.shape()
                    + " has no elements along the reduced axes");
        }
        if (data.dtype().isFloat()) {
            return Tensor.fromDoubles(data.dtype(), plan.outputShape, reduceDoubles(kind, data.toDoubleArray(), plan));
        }
        return Tensor.fromLongs(data.dtype(), plan.outputShape, reduceLongs(kind, data, plan));
    }

    private static double[] reduceDoubles(Kind kind, double[] x, ReductionPlan plan) {
        int[] map = plan.map;
        int n = plan.groupSize;
        double[] out = new double[plan.groups];
        for (int o = 0; o < out.length; o++) {
            int from = o * n;
            int to = from + n;
            double acc;
            switch (kind) {
                case SUM:
                case MEAN:
                    acc = 0.0;
                    for (int i = from; i < to; i++) {
                        acc += x[map[i]];
                    }
                    if (kind == Kind.MEAN) {
                        acc /= n;
                    }
                    break;
                case PROD:
                    acc = 1.0;
                    for (int i = from; i < to; i++) {
                        acc *= x[map[i]];
                    }
                    break;
                case MAX:
                    acc = Double.NEGATIVE_INFINITY;
                    for (int i = from; i < to; i++) {
                        acc = Math.max(acc, x[map[i]]); // Math.max returns NaN if either is NaN
                    }
                    break;
                case MIN:
                    acc = Double.POSITIVE_INFINITY;
                    for (int i = from; i < to; i++) {
                        acc = Math.min(acc, x[map[i]]);
                    }
                    break;
                default:
                    throw new IllegalStateException(kind.toString());
            }
            out[o] = acc;
        }
        return out;
    }

    private static long[] reduceLongs(Kind kind, Tensor data, ReductionPlan plan) {
        long[] x = data.toLongArray();
        int[] map = plan.map;
        int n = plan.groupSize;
        long[] out = new long[plan.groups];
        for (int o = 0; o < out.length; o++) {
            int from = o * n;
            int to = from + n;
            long acc;
            switch (kind) {
                case SUM:
                case MEAN:
                    acc = 0;
                    for (int i = from; i < to; i++) {
                        acc += x[map[i]]; // wraps modulo 2^64, which commutes with the final wrap to the width
                    }
                    if (kind == Kind.MEAN) {
                        acc /= n; // truncates toward zero, as integer division in ONNX Runtime does
                    }
                    break;
                case PROD:
                    acc = 1;
                    for (int i = from; i < to; i++) {
                        acc *= x[map[i]];
                    }
                    break;
                case MAX:
                    acc = lowest(data.dtype());
                    for (int i = from; i < to; i++) {
                        acc = Math.max(acc, x[map[i]]);
                    }
                    break;
                case MIN:
                    acc = highest(data.dtype());
                    for (int i = from; i < to; i++) {
                        acc = Math.min(acc, x[map[i]]);
                    }
                    break;
                default:
                    throw new IllegalStateException(kind.toString());
            }
            out[o] = acc;
        }
        return out;
    }

    /** The smallest value of an integer or bool type: ReduceMax of an empty set. */
    static long lowest(DType dtype) {
        switch (dtype) {
            case INT8:
                return Byte.MIN_VALUE;
            case INT16:
                return Short.MIN_VALUE;
            case INT32:
                return Integer.MIN_VALUE;
            case INT64:
                return Long.MIN_VALUE;
            case UINT8:
            case BOOL:
                return 0;
            default:
                throw new IllegalStateException(dtype + " is not an integer type");
        }
    }

    /** The largest value of an integer or bool type: ReduceMin of an empty set. */
    static long highest(DType dtype) {
        switch (dtype) {
            case INT8:
                return Byte.MAX_VALUE;
            case INT16:
                return Short.MAX_VALUE;
            case INT32:
                return Integer.MAX_VALUE;
            case INT64:
                return Long.MAX_VALUE;
            case UINT8:
                return 255;
            case BOOL:
                return 1;
            default:
                throw new IllegalStateException(dtype + " is not an integer type");
        }
    }
}
