package dev.crest.tensor.kernel;

import dev.crest.tensor.Broadcast;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The element loops shared by the element-wise kernels: map one tensor, or combine two under multidirectional
 * broadcasting, in float64 or int64, and build the result so that it is rounded or wrapped exactly once.
 * Float32 tensors are read from their backing array without a copy; same-shape operands skip the index maps.
 */
final class ElementwiseLoops {
    private ElementwiseLoops() {
    }

    /** A predicate on two float64 values, e.g. a comparison. */
    @FunctionalInterface
    interface DoubleComparison {
        boolean test(double a, double b);
    }

    /** A predicate on two int64 values, e.g. a comparison. */
    @FunctionalInterface
    interface LongComparison {
        boolean test(long a, long b);
    }

    /**
     * For each element of {@code out}, the flat index into a tensor of shape {@code in}, or {@code null} when
     * the shapes are equal and the index is the element's own.
     */
    static int[] indexMapOrNull(Shape in, Shape out) {
        return in.equals(out) ? null : Broadcast.indexMap(in, out);
    }

    /** {@code f} applied to every element of a float tensor, rounded once to its dtype. */
    static Tensor mapFloat(Tensor x, DoubleUnaryOperator f) {
        int n = x.size();
        if (x.dtype() == DType.FLOAT32) {
            float[] in = x.float32Data();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (float) f.applyAsDouble(in[i]);
            }
            return Tensor.wrapFloat32(x.shape(), out);
        }
        double[] values = x.toDoubleArray();
        for (int i = 0; i < n; i++) {
            values[i] = f.applyAsDouble(values[i]);
        }
        return Tensor.fromDoubles(x.dtype(), x.shape(), values);
    }

    /** {@code f} applied to every element of an integer tensor in int64, wrapped once to its dtype. */
    static Tensor mapLong(Tensor x, LongUnaryOperator f) {
        long[] values = x.toLongArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsLong(values[i]);
        }
        return Tensor.fromLongs(x.dtype(), x.shape(), values);
    }

    /**
     * {@code op(a, b)} under broadcasting, computed in float64 and converted once to {@code outType}: floats
     * round, integers truncate toward zero and wrap (ONNX Cast semantics).
     */
    static Tensor combineFloat(Tensor a, Tensor b, DType outType, DoubleBinaryOperator op) {
        Shape shape = Broadcast.shape(a.shape(), b.shape());
        int n = shape.size();
        int[] mapA = indexMapOrNull(a.shape(), shape);
        int[] mapB = indexMapOrNull(b.shape(), shape);
        if (outType == DType.FLOAT32 && a.dtype() == DType.FLOAT32 && b.dtype() == DType.FLOAT32) {
            float[] x = a.float32Data();
            float[] y = b.float32Data();
            float[] out = new float[n];
            if (mapA == null && mapB == null) {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) op.applyAsDouble(x[i], y[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) op.applyAsDouble(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]);
                }
            }
            return Tensor.wrapFloat32(shape, out);
        }
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = op.applyAsDouble(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]);
        }
        return Tensor.fromDoubles(outType, shape, out);
    }

    /** {@code op(a, b)} under broadcasting, computed in int64 and wrapped once to {@code outType}. */
    static Tensor combineLong(Tensor a, Tensor b, DType outType, LongBinaryOperator op) {
        Shape shape = Broadcast.shape(a.shape(), b.shape());
        int n = shape.size();
        int[] mapA = indexMapOrNull(a.shape(), shape);
        int[] mapB = indexMapOrNull(b.shape(), shape);
        long[] x = a.toLongArray();
        long[] y = b.toLongArray();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = op.applyAsLong(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]);
        }
        return Tensor.fromLongs(outType, shape, out);
    }

    /**
     * A bool tensor holding {@code test(a, b)} under broadcasting: float operands are compared as float64,
     * integer and bool operands as int64 (exact for every int64 value).
     */
    static Tensor compare(Tensor a, Tensor b, DoubleComparison onFloats, LongComparison onIntegers) {
        Shape shape = Broadcast.shape(a.shape(), b.shape());
        int n = shape.size();
        int[] mapA = indexMapOrNull(a.shape(), shape);
        int[] mapB = indexMapOrNull(b.shape(), shape);
        long[] out = new long[n];
        if (a.dtype().isFloat()) {
            double[] x = a.toDoubleArray();
            double[] y = b.toDoubleArray();
            for (int i = 0; i < n; i++) {
                out[i] = onFloats.test(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]) ? 1 : 0;
            }
        } else {
            long[] x = a.toLongArray();
            long[] y = b.toLongArray();
            for (int i = 0; i < n; i++) {
                out[i] = onIntegers.test(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]) ? 1 : 0;
            }
        }
        return Tensor.fromLongs(DType.BOOL, shape, out);
    }
}
