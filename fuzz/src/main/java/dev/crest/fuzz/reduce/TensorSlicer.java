package dev.crest.fuzz.reduce;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

/**
 * Cuts the leading block out of a tensor ({@code t[:e0, :e1, …]}), keeping element values exactly, so a smaller
 * input holds values the original case already used.
 */
final class TensorSlicer {
    private TensorSlicer() {
    }

    /** The leading {@code extents[0] × extents[1] × …} block of {@code t}; each extent must be in 1..dim. */
    static Tensor leading(Tensor t, int[] extents) {
        Shape shape = t.shape();
        if (extents.length != shape.rank()) {
            throw new IllegalArgumentException("extents " + java.util.Arrays.toString(extents) + " for shape " + shape);
        }
        for (int axis = 0; axis < extents.length; axis++) {
            if (extents[axis] < 1 || extents[axis] > shape.dim(axis)) {
                throw new IllegalArgumentException("extent " + extents[axis] + " on axis " + axis + " of " + shape);
            }
        }
        Shape cut = Shape.of(extents);
        int[] sourceStrides = shape.strides();
        int[] index = new int[extents.length];
        int[] sources = new int[cut.size()];
        for (int i = 0; i < sources.length; i++) {
            int source = 0;
            for (int axis = 0; axis < index.length; axis++) {
                source += index[axis] * sourceStrides[axis];
            }
            sources[i] = source;
            for (int axis = index.length - 1; axis >= 0; axis--) {
                if (++index[axis] < extents[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
        if (t.dtype().isFloat()) {
            // Float16 and float32 values are exact in double, so the round trip keeps every bit but NaN payloads.
            double[] all = t.toDoubleArray();
            double[] kept = new double[sources.length];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = all[sources[i]];
            }
            return Tensor.fromDoubles(t.dtype(), cut, kept);
        }
        long[] all = t.toLongArray();
        long[] kept = new long[sources.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = all[sources[i]];
        }
        return Tensor.fromLongs(t.dtype(), cut, kept);
    }
}
