package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;

/**
 * Axis arguments shared by the shape, indexing and reduction kernels: ONNX axes may be negative (counting from
 * the end), must lie in {@code [-rank, rank-1]} and may not repeat, and older opsets pass them as an attribute
 * where newer ones take an input.
 */
final class ShapeAxes {
    private ShapeAxes() {
    }

    /** One axis in {@code [-rank, rank-1]}, mapped into {@code [0, rank)}; {@code what} names it in errors. */
    static int normalize(long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) {
            throw new TensorException(what + " " + axis + " is out of range for rank " + rank
                    + " (expected " + -rank + " to " + (rank - 1) + ")");
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Several axes, each normalized as in {@link #normalize(long, int, String)}; a repeated axis is an error. */
    static int[] normalize(long[] axes, int rank, String what) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            int a = normalize(axes[i], rank, what);
            if (seen[a]) {
                throw new TensorException(what + " " + Arrays.toString(axes) + " name axis " + a + " twice");
            }
            seen[a] = true;
            out[i] = a;
        }
        return out;
    }

    /**
     * An axes-like argument given either as input {@code index} (newer opsets) or as attribute {@code name} (older
     * opsets), or {@code null} when neither is present. Giving both is ambiguous and an error.
     */
    static long[] inputOrAttribute(List<Tensor> inputs, int index, Attributes attributes, String name) {
        Tensor input = KernelArgs.optional(inputs, index);
        if (input != null) {
            if (attributes.has(name)) {
                throw new TensorException("'" + name + "' is given both as an input and as an attribute");
            }
            return KernelArgs.longs(input, name);
        }
        return attributes.getLongs(name);
    }

    /** A boolean flag attribute (ONNX int 0 or 1). */
    static boolean flag(Attributes attributes, String name, boolean defaultValue) {
        long v = attributes.getLong(name, defaultValue ? 1 : 0);
        if (v != 0 && v != 1) {
            throw new TensorException("attribute '" + name + "' must be 0 or 1, got " + v);
        }
        return v == 1;
    }
}
