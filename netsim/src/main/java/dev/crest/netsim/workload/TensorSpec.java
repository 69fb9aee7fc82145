package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;

/** One parameter (and gradient) tensor of a model: its name and its size in bits. */
public record TensorSpec(String name, long bits) {
    public TensorSpec {
        if (name == null || name.isBlank()) {
            throw new NetsimException("a tensor needs a name");
        }
        if (bits <= 0) {
            throw new NetsimException("tensor '" + name + "' must have a positive size, got " + bits + " bits");
        }
    }
}
