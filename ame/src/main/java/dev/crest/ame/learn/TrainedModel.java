package dev.crest.ame.learn;

import dev.crest.tensor.Tensor;

/** A trained classifier as AME sees it: a map from query examples to one row of class logits per example. */
public interface TrainedModel {
    /**
     * The logits for {@code examples} (float32, examples along the first axis, each shaped as in training).
     *
     * @return one array of class logits per example
     */
    float[][] logits(Tensor examples);
}
