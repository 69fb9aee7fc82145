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
 * attribute only concerns float8 types, which Crest does not have, so it is accepted and ignored. Identity
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
        long code = attributes.getLong("to");
        if (code != (int) code) {
            throw new TensorException("unsupported ONNX data type code " + code);
        }
        DType target = DType.fromOnnxCode((int) code);
        return List.of(x.cast(target));
    }

    private static List<Tensor> identity(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        return List.of(KernelArgs.required(inputs, 0, "input"));
    }
}
