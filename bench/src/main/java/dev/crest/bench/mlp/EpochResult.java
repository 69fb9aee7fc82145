package dev.crest.bench.mlp;

/**
 * What one training epoch took and where it ended: wall-clock seconds, the mean mini-batch loss over the epoch
 * and the loss of its last mini-batch.
 */
public record EpochResult(double seconds, double meanLoss, double lastLoss) {
}
