package dev.crest.tensor;

/**
 * NumPy/ONNX multidirectional broadcasting: shapes are aligned at the right, and each pair of dimensions must
 * be equal or contain a 1.
 */
public final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast result shape of the given shapes, or a {@link TensorException} naming the mismatch. */
    public static Shape shape(Shape... shapes) {
        int rank = 0;
        for (Shape s : shapes) {
            rank = Math.max(rank, s.rank());
        }
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (Shape s : shapes) {
            int offset = rank - s.rank();
            for (int i = 0; i < s.rank(); i++) {
                int d = s.dim(i);
                int o = out[offset + i];
                if (o == d || d == 1) {
                    continue;
                }
                if (o == 1) {
                    out[offset + i] = d;
                } else {
                    throw new TensorException("shapes " + describe(shapes) + " cannot be broadcast together");
                }
            }
        }
        return Shape.of(out);
    }

    /**
     * For every element of {@code out} (row-major), the flat index of the element of a tensor of shape
     * {@code in} that broadcasting reads. {@code in} must broadcast to {@code out}.
     */
    public static int[] indexMap(Shape in, Shape out) {
        int rank = out.rank();
        int offset = rank - in.rank();
        if (offset < 0) {
            throw new TensorException("shape " + in + " cannot be broadcast to " + out);
        }
        int[] inStrides = in.strides();
        int[] stride = new int[rank]; // stride in the input per output axis; 0 where broadcast
        for (int i = 0; i < in.rank(); i++) {
            int d = in.dim(i);
            if (d != 1 && d != out.dim(offset + i)) {
                throw new TensorException("shape " + in + " cannot be broadcast to " + out);
            }
            stride[offset + i] = d == 1 ? 0 : inStrides[i];
        }
        int size = out.size();
        int[] map = new int[size];
        if (size == 0) {
            return map;
        }
        int[] dims = out.dims();
        int[] counter = new int[rank];
        int index = 0;
        for (int flat = 0; flat < size; flat++) {
            map[flat] = index;
            // Odometer increment: bump the last axis, carrying into earlier ones.
            for (int axis = rank - 1; axis >= 0; axis--) {
                counter[axis]++;
                index += stride[axis];
                if (counter[axis] < dims[axis]) {
                    break;
                }
                index -= stride[axis] * counter[axis];
                counter[axis] = 0;
            }
        }
        return map;
    }

    private static String describe(Shape... shapes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shapes.length; i++) {
            if (i > 0) {
                sb.append(" and ");
            }
            sb.append(shapes[i]);
        }
        return sb.toString();
    }
}
