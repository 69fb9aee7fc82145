package dev.crest.ame.poison;

import dev.crest.tensor.data.Dataset;

/** A training set with a backdoor planted, and the ground truth: the indices of the poisoned examples, ascending. */
public record PoisonedDataset(Dataset data, int[] poisonedIndices) {
    public PoisonedDataset {
        poisonedIndices = poisonedIndices.clone();
    }

    @Override
    public int[] poisonedIndices() {
        return poisonedIndices.clone();
    }
}
