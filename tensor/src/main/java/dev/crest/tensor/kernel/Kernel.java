package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Tensor;
import java.util.List;

/**
 * One ONNX operator's reference computation. Inputs come in ONNX order; an omitted optional input is
 * {@code null} (so the list may hold nulls). Kernels validate their inputs and attributes and throw
 * {@link dev.crest.tensor.TensorException} with a message a user can act on.
 */
@FunctionalInterface
public interface Kernel {
    List<Tensor> apply(List<Tensor> inputs, Attributes attributes);
}
