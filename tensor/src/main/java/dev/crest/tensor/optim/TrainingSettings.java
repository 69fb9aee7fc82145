package dev.crest.tensor.optim;

import dev.crest.tensor.TensorException;

/** How long and in what batches a {@link Trainer} trains: epochs, batch size and the shuffling seed. */
public record TrainingSettings(int epochs, int batchSize, long seed) {
    public static final int DEFAULT_EPOCHS = 1;
    public static final int DEFAULT_BATCH_SIZE = 64;

    public TrainingSettings {
        if (epochs < 1) {
            throw new TensorException("training needs at least one epoch, got " + epochs);
        }
        if (batchSize < 1) {
            throw new TensorException("batch size must be at least 1, got " + batchSize);
        }
    }

    /** One epoch of batches of {@value #DEFAULT_BATCH_SIZE}, shuffled with {@code seed}. */
    public static TrainingSettings defaults(long seed) {
        return new TrainingSettings(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, seed);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(value, batchSize, seed);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(epochs, value, seed);
    }
}
