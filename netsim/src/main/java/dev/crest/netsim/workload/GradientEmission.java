package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;

/**
 * When backprop produces one gradient: the index of the tensor in {@link Workload#tensors()} and the time in
 * seconds after backprop starts, at compute speed-up 1.
 */
public record GradientEmission(int tensorIndex, double secondsAfterBackpropStart) {
    public GradientEmission {
        if (tensorIndex < 0) {
            throw new NetsimException("gradient tensor index must be non-negative, got " + tensorIndex);
        }
        if (!(secondsAfterBackpropStart >= 0) || Double.isInfinite(secondsAfterBackpropStart)) {
            throw new NetsimException("gradient emission time must be finite and non-negative, got "
                    + secondsAfterBackpropStart);
        }
    }
}
