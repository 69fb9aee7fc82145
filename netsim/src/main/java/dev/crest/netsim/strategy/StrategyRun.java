package dev.crest.netsim.strategy;

/** The per-iteration state of a {@link Strategy}: reacts to gradients as backprop produces them. */
@FunctionalInterface
public interface StrategyRun {
    /**
     * Worker {@code worker} has just produced the gradient of tensor {@code tensor} (at {@link StrategyContext#now()}).
     * Called in the workload's backprop order.
     */
    void gradientReady(int worker, int tensor);
}
