package dev.crest.tensor.optim;

/**
 * What one training epoch achieved: its number (from 0), the mean batch loss weighted by batch size, and the
 * fraction of training examples classified correctly by the model as it was when each batch was seen.
 */
public record EpochResult(int epoch, double meanLoss, double trainingAccuracy) {
}
