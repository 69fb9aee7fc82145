package dev.crest.tensor.kernel;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Arrays;

/**
 * Gather maps for the data-movement kernels: for every output element (row-major), the flat index of the input
 * element it copies, or {@link #FILL} where the output takes a constant instead. Maps are composed from one
 * small offset table per output axis, so Transpose, Slice, Tile, Pad, Gather, Trilu and the reductions share one
 * loop and never allocate per element.
 */
final class IndexMap {
    /** Marks an output element (or an axis position) that reads no input element. */
    static final int FILL = -1;

    private IndexMap() {
    }

    /**
     * Composes per-axis tables: {@code tables[a][j]} is the input offset contributed by index {@code j} on output
     * axis {@code a}, or {@link #FILL}. The flat index of an output element is the sum of its axes' offsets, or
     * {@link #FILL} when any of them is. A rank-0 composition (no tables) is the single index 0.
     */
    static int[] compose(int[][] tables) {
        long count = 1;
        for (int[] table : tables) {
            count *= table.length;
        }
        int[] map = new int[(int) count];
        if (count == 0) {
            return map;
        }
        // Length-1 axes contribute a constant; folding them into the base keeps the recursion on real axes only.
        int base = 0;
        int[][] varying = new int[tables.length][];
        int n = 0;
        for (int[] table : tables) {
            if (table.length == 1) {
                base = base < 0 || table[0] < 0 ? FILL : base + table[0];
            } else {
                varying[n++] = table;
            }
        }
        if (n == 0) {
            map[0] = base;
            return map;
        }
        fill(Arrays.copyOf(varying, n), 0, base, map, 0);
        return map;
    }

    private static int fill(int[][] tables, int axis, int base, int[] map, int pos) {
        int[] row = tables[axis];
        if (axis == tables.length - 1) {
            for (int offset : row) {
                map[pos++] = base < 0 || offset < 0 ? FILL : base + offset;
            }
            return pos;
        }
        for (int offset : row) {
            pos = fill(tables, axis + 1, base < 0 || offset < 0 ? FILL : base + offset, map, pos);
        }
        return pos;
    }

    /** The table {@code j -> j * stride} for {@code j < length}. */
    static int[] strided(int length, int stride) {
        int[] table = new int[length];
        for (int j = 0; j < length; j++) {
            table[j] = j * stride;
        }
        return table;
    }

    /** A tensor of {@code source}'s dtype and the given shape whose element {@code i} is {@code source[map[i]]}. */
    static Tensor take(Tensor source, Shape shape, int[] map) {
        return take(source, shape, map, null);
    }

    /**
     * Like {@link #take(Tensor, Shape, int[])}, with element 0 of {@code fill} (same dtype as the source) written
     * where the map holds {@link #FILL}; {@code fill == null} means zero. Values are copied exactly: float32 as
     * floats, other floats as doubles, integers and booleans as longs.
     */
    static Tensor take(Tensor source, Shape shape, int[] map, Tensor fill) {
        DType dtype = source.dtype();
        int n = map.length;
        if (dtype == DType.FLOAT32) {
            float[] in = source.float32Data();
            float constant = fill == null ? 0f : (float) fill.getDouble(0);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                int m = map[i];
                out[i] = m < 0 ? constant : in[m];
            }
            return Tensor.wrapFloat32(shape, out);
        }
        if (dtype.isFloat()) {
            double[] in = source.toDoubleArray();
            double constant = fill == null ? 0.0 : fill.getDouble(0);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                int m = map[i];
                out[i] = m < 0 ? constant : in[m];
            }
            return Tensor.fromDoubles(dtype, shape, out);
        }
        long[] in = source.toLongArray();
        long constant = fill == null ? 0L : fill.getLong(0);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            int m = map[i];
            out[i] = m < 0 ? constant : in[m];
        }
        return Tensor.fromLongs(dtype, shape, out);
    }
}
