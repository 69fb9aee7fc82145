package dev.crest.netsim.workload;

import java.util.List;

/**
 * One unit of compute in a model's forward pass, as the backprop timeline sees it: the parameter tensors whose
 * gradients are complete once its backward work is done, and its forward FLOPs for a whole batch.
 *
 * @param name layer or node name, for messages
 * @param parameters the parameter tensors this layer owns, in model order (may be empty)
 * @param forwardFlops floating-point operations of its forward pass over one batch
 */
public record Layer(String name, List<TensorSpec> parameters, double forwardFlops) {
    public Layer {
        parameters = List.copyOf(parameters);
        if (!(forwardFlops >= 0) || Double.isInfinite(forwardFlops)) {
            throw new IllegalArgumentException("layer " + name + ": FLOPs must be finite and non-negative, got "
                    + forwardFlops);
        }
    }
}
