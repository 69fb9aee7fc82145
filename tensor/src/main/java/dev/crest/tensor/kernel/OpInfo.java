package dev.crest.tensor.kernel;

/**
 * A registered operator: its ONNX name, the opset version of the operator definition whose semantics the
 * kernel follows (the version that definition appeared in, at or below {@link KernelRegistry#OPSET}),
 * and the kernel that computes it.
 */
public record OpInfo(String opType, int sinceVersion, Kernel kernel) {
}
