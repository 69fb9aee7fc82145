package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.List;

/**
 * Cast-19 and Identity-19. Cast converts to the dtype whose ONNX code is the required attribute {@code to},
 * with {@link Tensor#cast} semantics: floats round once to nearest even, float to integer truncates toward
 * zero and wraps (NaN becomes 0), anything to bool is {@code x != 0} (NaN is true). Cast-19's {@code saturate}
 * attribute only concerns float8 types, which Crest does not have, so it is accepted and ignored; the Cast-1
 * form, where {@code to} is a type name such as {@code "FLOAT"}, is accepted too. Identity
 * returns its input (tensors are immutable, so no copy is needed).
 */
final class CastKernels {
    private CastKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Cast", 19, CastKernels::cast);
        builder.register("Identity", 19, CastKernels::identity);
    }

    private static List<Tensor> cast(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "input");
        return List.of(x.cast(target(attributes)));
    }

    /** The {@code to} attribute: an ONNX data type code, or in the Cast-1 form a type name such as "FLOAT". */
    private static DType target(Attributes attributes) {
        if (attributes.asMap().get("to") instanceof String) {
            return DType.parse(attributes.getString("to", ""));
        }
        long code = attributes.getLong("to");
        if (code != (int) code) {
            throw new TensorException("unsupported ONNX data type code " + code);
        }
        return DType.fromOnnxCode((int) code);
    }

    private static List<Tensor> identity(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        return List.of(KernelArgs.required(inputs, 0, "input"));
    }
}
