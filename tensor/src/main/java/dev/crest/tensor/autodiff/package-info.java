/**
 * Reverse-mode automatic differentiation over the ONNX kernels of {@link dev.crest.tensor.kernel.KernelRegistry}.
 *
 * <p>A {@link dev.crest.tensor.autodiff.Tape} records operator applications on
 * {@link dev.crest.tensor.autodiff.Variable}s; forward values always come from the registry kernels, and
 * {@link dev.crest.tensor.autodiff.Tape#backward} walks the record in reverse, asking each operator's gradient
 * rule ({@link dev.crest.tensor.autodiff.GradientRules}) for its input gradients. Rules are themselves composed of
 * registry kernels where the algebra allows (Mul by the other operand then ReduceSum to the operand's shape for
 * broadcasting, MatMul by transposes, Softmax through ReduceSum); data-movement operators re-run their own kernel
 * on element indices to learn where each output came from; Conv, pooling and Resize use explicit loops over the
 * window or interpolation taps, as the registry has no transposed forms of them. Layers with fast paths of their
 * own record them with {@link dev.crest.tensor.autodiff.Tape#custom}.
 *
 * <p>{@link dev.crest.tensor.autodiff.GradientMode#PROXY} replaces vanishing derivatives with NNSmith's proxy
 * derivatives for gradient-guided input search.
 */
package dev.crest.tensor.autodiff;
