package dev.crest.tensor.optim;

import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.nn.Parameter;

/** Reads a parameter's float32 gradient for an optimizer, checking it matches the parameter. */
final class ParameterGradients {
    private ParameterGradients() {
    }

    /** The gradient's values, or {@code null} when the parameter has no gradient in this step. */
    static float[] of(Parameter p, Gradients gradients) {
        Tensor g = p.gradient(gradients);
        if (g == null) {
            return null;
        }
        if (!g.shape().equals(p.value().shape())) {
            throw new IllegalStateException("gradient of " + p.name() + " has shape " + g.shape()
                    + " but the parameter has shape " + p.value().shape());
        }
        return g.dtype() == DType.FLOAT32 ? g.float32Data() : g.toFloatArray();
    }

    /** The parameter's float32 values, or a {@link TensorException} for other dtypes. */
    static float[] values(Parameter p, String optimizer) {
        Tensor v = p.value();
        if (v.dtype() != DType.FLOAT32) {
            throw new TensorException(optimizer + " updates float32 parameters only, but '" + p.name() + "' is "
                    + v.dtype().displayName());
        }
        return v.float32Data();
    }
}
