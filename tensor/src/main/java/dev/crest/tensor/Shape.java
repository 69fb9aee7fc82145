package dev.crest.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The dimensions of a tensor, immutable. Rank 0 is a scalar. Crest supports ranks 0 to {@link #MAX_RANK};
 * every dimension is at least 0 and the element count must fit in an {@code int}.
 */
public final class Shape {
    /** Highest rank the engine accepts. */
    public static final int MAX_RANK = 8;

    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        long count = 1;
        for (int d : dims) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new TensorException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
            }
        }
        this.size = (int) count;
    }

    /** A shape with the given dimensions (copied). */
    public static Shape of(int... dims) {
        if (dims.length > MAX_RANK) {
            throw new TensorException("rank " + dims.length + " exceeds the maximum rank " + MAX_RANK);
        }
        for (int d : dims) {
            if (d < 0) {
                throw new TensorException("negative dimension in shape " + Arrays.toString(dims));
            }
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** A shape from long dimensions, as ONNX stores them; fails if one does not fit in an int. */
    public static Shape of(long... dims) {
        int[] ints = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw new TensorException("dimension " + dims[i] + " out of range in shape " + Arrays.toString(dims));
            }
            ints[i] = (int) dims[i];
        }
        return of(ints);
    }

    public static Shape scalar() {
        return SCALAR;
    }

    public int rank() {
        return dims.length;
    }

    /** Dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** The dimensions as longs, as ONNX stores them. */
    public long[] dimsAsLongs() {
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = dims[i];
        }
        return out;
    }

    /** Row-major strides in elements. */
    public int[] strides() {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    /**
     * Maps a possibly negative axis into {@code [0, rank)}, or throws a {@link TensorException} naming the
     * axis and the rank.
     */
    public int normalizeAxis(int axis) {
        return normalizeAxis(axis, dims.length);
    }

    /** Maps a possibly negative axis into {@code [0, rank)} for the given rank. */
    public static int normalizeAxis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new TensorException("axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Formats as {@code [2, 3, 4]}. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
