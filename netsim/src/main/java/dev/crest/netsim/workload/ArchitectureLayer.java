package dev.crest.netsim.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One layer of a built-in architecture, for a single example: its parameter tensors (name → element count, in
 * declaration order), the multiply-accumulates of its convolutions and matrix products, and its forward FLOPs
 * under {@link FlopRules}.
 *
 * @param name layer name
 * @param parameterElements parameter tensor name → number of elements, in model order
 * @param forwardMacs multiply-accumulates per example
 * @param forwardFlops floating-point operations per example
 */
public record ArchitectureLayer(String name, Map<String, Long> parameterElements, long forwardMacs,
        long forwardFlops) {
    public ArchitectureLayer {
        parameterElements = Collections.unmodifiableMap(new LinkedHashMap<>(parameterElements));
        if (forwardMacs < 0 || forwardFlops < 0) {
            throw new IllegalArgumentException("layer " + name + " has negative work");
        }
    }

    /** Total parameter elements of this layer. */
    public long parameterCount() {
        return parameterElements.values().stream().mapToLong(Long::longValue).sum();
    }
}
