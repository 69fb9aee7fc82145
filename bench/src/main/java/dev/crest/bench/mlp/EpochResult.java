package dev.crest.bench.mlp;

/**
 * What one training epoch took and where it ended: wall-clock seconds and the mean mini-batch loss over the
 * epoch, weighted by batch size.
 */
public record EpochResult(double seconds, double meanLoss) {
}
