package dev.crest.tensor.kernel;

import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ONNX type constraints of the element-wise operators, restricted to the dtypes Crest has, and the checks
 * that operands share one constrained type {@code T}.
 */
final class ElementwiseTypes {
    private ElementwiseTypes() {
    }

    /** float16, float32, float64. */
    static final Set<DType> FLOATS = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64);

    /** Every dtype except bool ("all numeric types" in the ONNX schemas). */
    static final Set<DType> NUMERIC = EnumSet.complementOf(EnumSet.of(DType.BOOL));

    /** Floats and the signed integers ("signed numeric types"). */
    static final Set<DType> SIGNED_NUMERIC = EnumSet.complementOf(EnumSet.of(DType.BOOL, DType.UINT8));

    /** Every dtype. */
    static final Set<DType> ALL = EnumSet.allOf(DType.class);

    /** Only bool. */
    static final Set<DType> BOOL = EnumSet.of(DType.BOOL);

    /** int32 and int64: the integer bases ONNX Pow-15 and integer slopes PRelu-16 allow among Crest's dtypes. */
    static final Set<DType> INT32_INT64 = EnumSet.of(DType.INT32, DType.INT64);

    /** The union of two type sets. */
    static Set<DType> union(Set<DType> a, Set<DType> b) {
        Set<DType> out = EnumSet.copyOf(a);
        out.addAll(b);
        return out;
    }

    /**
     * Fails unless every tensor has the same dtype and that dtype is in {@code allowed}; {@code names} are the
     * ONNX input names used in the messages.
     */
    static DType requireCommon(List<Tensor> tensors, List<String> names, Set<DType> allowed) {
        Tensor first = tensors.get(0);
        require(first, names.get(0), allowed);
        for (int i = 1; i < tensors.size(); i++) {
            KernelArgs.requireSameDType(first, names.get(0), tensors.get(i), names.get(i));
        }
        return first.dtype();
    }

    /** Fails unless both tensors have the same dtype and it is in {@code allowed}. */
    static DType requireCommon(Tensor a, String nameA, Tensor b, String nameB, Set<DType> allowed) {
        require(a, nameA, allowed);
        KernelArgs.requireSameDType(a, nameA, b, nameB);
        return a.dtype();
    }

    /** Fails with a message naming the allowed dtypes when {@code t}'s dtype is not among them. */
    static void require(Tensor t, String name, Set<DType> allowed) {
        if (!allowed.contains(t.dtype())) {
            throw new TensorException("input " + name + " has unsupported dtype " + t.dtype().displayName()
                    + " (allowed: " + allowed.stream().map(DType::displayName).collect(Collectors.joining(", "))
                    + ")");
        }
    }
}
