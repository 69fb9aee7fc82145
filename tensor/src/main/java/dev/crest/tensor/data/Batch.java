package dev.crest.tensor.data;

import dev.crest.tensor.Tensor;

/**
 * One mini-batch: float32 features with the examples along the first axis, and their class labels. The
 * labels array belongs to the batch; callers should not modify it.
 */
public record Batch(Tensor features, int[] labels) {
    /** Number of examples in the batch. */
    public int size() {
        return labels.length;
    }
}
