package dev.crest.tensor.kernel;

import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;
import java.util.Set;

/**
 * Input checks shared by all kernels, so every operator reports a wrong input count, a missing input or an
 * unsupported dtype with the same wording.
 */
public final class KernelArgs {
    private KernelArgs() {
    }

    /** Fails unless {@code min ≤ inputs.size() ≤ max}. */
    public static void checkCount(List<Tensor> inputs, int min, int max) {
        int n = inputs.size();
        if (n < min || n > max) {
            String expected = min == max ? Integer.toString(min) : min + " to " + max;
            throw new TensorException("expects " + expected + (max == 1 ? " input" : " inputs") + ", got " + n);
        }
    }

    /** Required input {@code index}; fails naming {@code name} when it is absent. */
    public static Tensor required(List<Tensor> inputs, int index, String name) {
        Tensor t = index < inputs.size() ? inputs.get(index) : null;
        if (t == null) {
            throw new TensorException("missing required input " + index + " (" + name + ")");
        }
        return t;
    }

    /** Optional input {@code index}, or {@code null} when absent or omitted. */
    public static Tensor optional(List<Tensor> inputs, int index) {
        return index < inputs.size() ? inputs.get(index) : null;
    }

    /** Fails unless {@code t}'s dtype is one of {@code allowed}. */
    public static void requireDType(Tensor t, String name, Set<DType> allowed) {
        if (!allowed.contains(t.dtype())) {
            throw new TensorException("input " + name + " has unsupported dtype " + t.dtype().displayName());
        }
    }

    /** Fails unless {@code t} has a float dtype. */
    public static void requireFloat(Tensor t, String name) {
        if (!t.dtype().isFloat()) {
            throw new TensorException("input " + name + " must be a float tensor, got " + t.dtype().displayName());
        }
    }

    /** Fails unless both tensors have the same dtype. */
    public static void requireSameDType(Tensor a, String nameA, Tensor b, String nameB) {
        if (a.dtype() != b.dtype()) {
            throw new TensorException("inputs " + nameA + " and " + nameB + " must have the same dtype, got "
                    + a.dtype().displayName() + " and " + b.dtype().displayName());
        }
    }

    /** The elements of a 1-D (or scalar) int64/int32 tensor, e.g. a shape or axes input. */
    public static long[] longs(Tensor t, String name) {
        if (!t.dtype().isInteger()) {
            throw new TensorException("input " + name + " must be an integer tensor, got " + t.dtype().displayName());
        }
        if (t.rank() > 1) {
            throw new TensorException("input " + name + " must be 1-D, got shape " + t.shape());
        }
        return t.toLongArray();
    }
}
