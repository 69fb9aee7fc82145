package dev.crest.tensor;

import java.util.Arrays;

/**
 * An immutable n-d array: a {@link DType}, a {@link Shape} and row-major data. Float32 and float16 values are
 * held in a {@code float[]} (float16 values already rounded to half precision), float64 in a {@code double[]},
 * integers and booleans in a {@code long[]} (already wrapped to their width, booleans as 0/1).
 *
 * <p>Kernels read elements as float64 or int64 through {@link #toDoubleArray()}, {@link #toLongArray()} or the
 * element getters, and build results with {@link #fromDoubles} or {@link #fromLongs}, which round or wrap
 * exactly once. Fast paths may read the backing float32 array with {@link #float32Data()}, and must not
 * modify it.
 */
public final class Tensor {
    private final DType dtype;
    private final Shape shape;
    private final float[] floats;
    private final double[] doubles;
    private final long[] longs;

    private Tensor(DType dtype, Shape shape, float[] floats, double[] doubles, long[] longs) {
        this.dtype = dtype;
        this.shape = shape;
        this.floats = floats;
        this.doubles = doubles;
        this.longs = longs;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A tensor of {@code dtype} from float64 values, converted with ONNX Cast semantics (floats round once,
     * integers truncate toward zero and wrap, booleans are {@code x != 0}). The array is not kept.
     */
    public static Tensor fromDoubles(DType dtype, Shape shape, double[] values) {
        checkLength(shape, values.length);
        switch (dtype) {
            case FLOAT64:
                return new Tensor(dtype, shape, null, values.clone(), null);
            case FLOAT32: {
                float[] f = new float[values.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) values[i];
                }
                return new Tensor(dtype, shape, f, null, null);
            }
            case FLOAT16: {
                float[] f = new float[values.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) Float16.round(values[i]);
                }
                return new Tensor(dtype, shape, f, null, null);
            }
            default: {
                long[] l = new long[values.length];
                for (int i = 0; i < l.length; i++) {
                    l[i] = (long) dtype.castFromDouble(values[i]);
                }
                return new Tensor(dtype, shape, null, null, l);
            }
        }
    }

    /**
     * A tensor of {@code dtype} from int64 values: integers wrap to their width, booleans are {@code x != 0},
     * floats take the nearest representable value. The array is not kept.
     */
    public static Tensor fromLongs(DType dtype, Shape shape, long[] values) {
        checkLength(shape, values.length);
        if (dtype == DType.FLOAT32) {
            // Straight long-to-float rounds once; going through double would round twice above 2^53.
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = values[i];
            }
            return new Tensor(dtype, shape, f, null, null);
        }
        if (dtype.isFloat()) {
            // Exact in double up to 2^53; anything larger is infinite in float16, so one rounding suffices.
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i];
            }
            return fromDoubles(dtype, shape, d);
        }
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = dtype.wrapInteger(values[i]);
        }
        return new Tensor(dtype, shape, null, null, l);
    }

    /** A float32 tensor that takes ownership of {@code values} (no copy): the caller must not modify it later. */
    public static Tensor wrapFloat32(Shape shape, float[] values) {
        checkLength(shape, values.length);
        return new Tensor(DType.FLOAT32, shape, values, null, null);
    }

    /** A float32 tensor with a copy of {@code values}. */
    public static Tensor ofFloats(Shape shape, float... values) {
        return wrapFloat32(shape, values.clone());
    }

    /** A float64 tensor with a copy of {@code values}. */
    public static Tensor ofDoubles(Shape shape, double... values) {
        return fromDoubles(DType.FLOAT64, shape, values);
    }

    /** An int64 tensor with a copy of {@code values}. */
    public static Tensor ofLongs(Shape shape, long... values) {
        return fromLongs(DType.INT64, shape, values);
    }

    /** A bool tensor. */
    public static Tensor ofBooleans(Shape shape, boolean... values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = values[i] ? 1 : 0;
        }
        return fromLongs(DType.BOOL, shape, l);
    }

    /** A rank-0 tensor holding {@code value} converted to {@code dtype}. */
    public static Tensor scalar(DType dtype, double value) {
        return fromDoubles(dtype, Shape.scalar(), new double[] {value});
    }

    /** A tensor filled with {@code value} converted to {@code dtype}. */
    public static Tensor full(DType dtype, Shape shape, double value) {
        double[] d = new double[shape.size()];
        Arrays.fill(d, value);
        return fromDoubles(dtype, shape, d);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(DType dtype, Shape shape) {
        return full(dtype, shape, 0.0);
    }

    private static void checkLength(Shape shape, int length) {
        if (shape.size() != length) {
            throw new TensorException("shape " + shape + " needs " + shape.size() + " values but got " + length);
        }
    }

    // ---------------------------------------------------------------- accessors

    public DType dtype() {
        return dtype;
    }

    public Shape shape() {
        return shape;
    }

    public int rank() {
        return shape.rank();
    }

    /** Number of elements. */
    public int size() {
        return shape.size();
    }

    /** Element {@code i} (row-major flat index) as a float64. */
    public double getDouble(int i) {
        if (floats != null) {
            return floats[i];
        }
        if (doubles != null) {
            return doubles[i];
        }
        return longs[i];
    }

    /**
     * Element {@code i} as an int64. Float elements are truncated toward zero (NaN gives 0); use this on
     * integer and bool tensors, where it is exact.
     */
    public long getLong(int i) {
        if (longs != null) {
            return longs[i];
        }
        return DType.castToLong(getDouble(i));
    }

    /** All elements as float64, in a fresh array. */
    public double[] toDoubleArray() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] out = new double[size()];
        if (floats != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = floats[i];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = longs[i];
            }
        }
        return out;
    }

    /** All elements as int64, in a fresh array (floats truncated as in {@link #getLong}). */
    public long[] toLongArray() {
        if (longs != null) {
            return longs.clone();
        }
        long[] out = new long[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** All elements as float32, in a fresh array. */
    public float[] toFloatArray() {
        if (floats != null) {
            return floats.clone();
        }
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) getDouble(i);
        }
        return out;
    }

    /**
     * The backing array of a float32 tensor, without a copy, for fast paths. Callers must not modify it.
     *
     * @throws IllegalStateException if the tensor is not float32
     */
    public float[] float32Data() {
        if (dtype != DType.FLOAT32) {
            throw new IllegalStateException("float32Data() on a " + dtype.displayName() + " tensor");
        }
        return floats;
    }

    /** Element {@code i} as a boolean ({@code x != 0}). */
    public boolean getBoolean(int i) {
        return longs != null ? longs[i] != 0 : getDouble(i) != 0;
    }

    // ---------------------------------------------------------------- views and conversions

    /** The same data under another shape with the same element count (shares the storage). */
    public Tensor reshape(Shape newShape) {
        if (newShape.size() != size()) {
            throw new TensorException("cannot reshape " + shape + " (" + size() + " elements) to " + newShape);
        }
        return new Tensor(dtype, newShape, floats, doubles, longs);
    }

    /** This tensor converted to {@code target} with ONNX Cast semantics. */
    public Tensor cast(DType target) {
        if (target == dtype) {
            return this;
        }
        if (longs != null) {
            return fromLongs(target, shape, longs);
        }
        return fromDoubles(target, shape, toDoubleArray());
    }

    /** True when dtype, shape and every element are identical (NaNs compare equal to NaNs). */
    public boolean sameAs(Tensor other) {
        if (dtype != other.dtype || !shape.equals(other.shape)) {
            return false;
        }
        if (longs != null) {
            return Arrays.equals(longs, other.longs);
        }
        for (int i = 0; i < size(); i++) {
            double a = getDouble(i);
            double b = other.getDouble(i);
            if (!(a == b || (Double.isNaN(a) && Double.isNaN(b)))) {
                return false;
            }
        }
        return true;
    }

    /** A short description: dtype, shape and up to eight leading values. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(dtype.displayName()).append(shape).append(" {");
        int shown = Math.min(size(), 8);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (longs != null) {
                sb.append(longs[i]);
            } else {
                sb.append(getDouble(i));
            }
        }
        if (size() > shown) {
            sb.append(", ...");
        }
        return sb.append('}').toString();
    }
}
