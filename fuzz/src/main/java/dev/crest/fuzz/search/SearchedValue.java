package dev.crest.fuzz.search;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;

/**
 * One value the search chooses: a graph input or a searchable initializer, with its declared dtype and
 * concrete shape. Float values follow the gradient; integer and bool values are only re-drawn.
 */
record SearchedValue(String name, DType dtype, Shape shape) {
    boolean followsGradient() {
        return dtype.isFloat();
    }
}
