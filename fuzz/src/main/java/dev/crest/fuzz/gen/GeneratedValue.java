package dev.crest.fuzz.gen;

import dev.crest.graph.TensorType;

import java.util.List;

/**
 * One value of a generated model with both of its shapes: the solver symbols the generator reasoned with and the
 * concrete dimensions the solver chose.
 *
 * @param name the value's name in the model
 * @param role where the value comes from
 * @param type its concrete type
 * @param symbolicDims each dimension's solver symbol (Z3 syntax); the concrete sizes for constants
 * @param definition for a node output, the producer's expression of each dimension over its inputs' symbols
 *     and attributes (Z3 syntax); empty otherwise
 * @param producer the name of the producing node, or {@code null}
 */
public record GeneratedValue(String name, ValueRole role, TensorType type, List<String> symbolicDims,
        List<String> definition, String producer) {
    public GeneratedValue {
        symbolicDims = List.copyOf(symbolicDims);
        definition = List.copyOf(definition);
    }
}
