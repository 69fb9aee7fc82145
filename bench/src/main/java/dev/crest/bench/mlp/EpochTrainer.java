package dev.crest.bench.mlp;

/** One side of the MLP benchmark: trains the network of an {@link MlpConfig} one epoch at a time. */
public interface EpochTrainer extends AutoCloseable {
    /** Trains epoch {@code epoch} (numbered from 0; it selects the shuffled order) and reports it. */
    EpochResult trainEpoch(int epoch);

    /** What runs this side, e.g. {@code PyTorch 2.7.1 via DJL}. */
    String description();

    @Override
    void close();
}
