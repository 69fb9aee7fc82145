package dev.crest.tensor.autodiff;

import dev.crest.tensor.Tensor;

/** The backward pass of one ONNX operator type, as registered in {@link GradientRules}. */
@FunctionalInterface
interface GradientRule {
    /**
     * One gradient per input of the recorded application (in ONNX input order), {@code null} for inputs that
     * need none ({@link GradientContext#needs}) or have none. Shapes must equal the inputs' shapes; the tape
     * casts dtypes.
     */
    Tensor[] backward(GradientContext context);
}
