/**
 * All-reduce strategies: {@code ring} and {@code ring+multicast} (the reference simulator's chunked ring),
 * {@code butterfly} (recursive doubling), {@code halving-doubling} (Rabenseifner), {@code tree} (double binary
 * tree), {@code hierarchical} (rack chains plus a leader ring) and {@code switchml} (streaming in-switch
 * aggregation with a bounded slot pool). Each algorithm is an {@link dev.crest.netsim.collective.AllReduceProtocol}
 * that reacts to gradients and deliveries and sends through a {@link dev.crest.netsim.collective.CollectiveFabric};
 * {@link dev.crest.netsim.collective.AllReduceStrategy} binds them to the simulator as
 * {@link dev.crest.netsim.strategy.Strategy} instances.
 */
package dev.crest.netsim.collective;
