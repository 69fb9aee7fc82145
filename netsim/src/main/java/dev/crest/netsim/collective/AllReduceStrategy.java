package dev.crest.netsim.collective;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategy;
import dev.crest.netsim.strategy.StrategyContext;
import dev.crest.netsim.strategy.StrategyRun;
import dev.crest.netsim.topology.Topology;
import java.util.List;

/**
 * The host-based and switch-streaming all-reduce strategies ({@code ring}, {@code ring+multicast},
 * {@code butterfly}, {@code tree}, {@code halving-doubling}, {@code hierarchical}, {@code switchml}): no
 * parameter servers, every worker starts with the parameters, and the iteration ends when every worker holds
 * every reduced gradient. Each run creates a fresh {@link AllReduceProtocol} and wires it to the network.
 */
public final class AllReduceStrategy implements Strategy {
    /** Builds the per-run protocol from the run's context. */
    @FunctionalInterface
    private interface ProtocolFactory {
        AllReduceProtocol create(StrategyContext context);
    }

    private final String name;
    private final ProtocolFactory factory;
    private final boolean needsPowerOfTwo;

    private AllReduceStrategy(String name, ProtocolFactory factory, boolean needsPowerOfTwo) {
        this.name = name;
        this.factory = factory;
        this.needsPowerOfTwo = needsPowerOfTwo;
    }

    /** {@code ring}: the reference ring of {@link RingAllReduce}, chunked at the settings' chunk size. */
    public static AllReduceStrategy ring() {
        return new AllReduceStrategy("ring", c -> new RingAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits(), false), false);
    }

    /** {@code ring+multicast}: ring reduce, then the reducing worker multicasts each chunk. */
    public static AllReduceStrategy ringWithMulticast() {
        return new AllReduceStrategy("ring+multicast", c -> new RingAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits(), true), false);
    }

    /** {@code butterfly}: recursive doubling, N a power of two. */
    public static AllReduceStrategy butterfly() {
        return new AllReduceStrategy("butterfly", c -> new ButterflyAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits()), true);
    }

    /** {@code tree}: NCCL-style double binary tree. */
    public static AllReduceStrategy tree() {
        return new AllReduceStrategy("tree", c -> new DoubleBinaryTreeAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits()), false);
    }

    /** {@code halving-doubling}: Rabenseifner's reduce-scatter + allgather, N a power of two. */
    public static AllReduceStrategy halvingDoubling() {
        return new AllReduceStrategy("halving-doubling", c -> new HalvingDoublingAllReduce(c.workers(),
                c.workload(), c.settings().chunkBits()), true);
    }

    /** {@code hierarchical}: chain reduce in each rack, ring across rack leaders, chain broadcast in each rack. */
    public static AllReduceStrategy hierarchical() {
        return new AllReduceStrategy("hierarchical", c -> new HierarchicalAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits(), new WorkerRacks(c.topology()).members()), false);
    }

    /** {@code switchml} with the default pool of {@value SwitchMlAllReduce#DEFAULT_SLOTS} slots. */
    public static AllReduceStrategy switchMl() {
        return switchMl(SwitchMlAllReduce.DEFAULT_SLOTS);
    }

    /**
     * {@code switchml}: per-packet streaming aggregation with {@code slots} aggregation slots per switch, in the
     * ToR (and, across racks, in a root switch).
     */
    public static AllReduceStrategy switchMl(int slots) {
        if (slots < 1) {
            throw new NetsimException("switchml: the switch needs at least one aggregation slot, got " + slots);
        }
        return new AllReduceStrategy("switchml", c -> new SwitchMlAllReduce(c.workers(), c.workload(),
                c.settings().mtuBits(), slots, new WorkerRacks(c.topology()).rackOfWorker()), false);
    }

    /** Every strategy of this package, in report order. */
    public static List<AllReduceStrategy> all() {
        return List.of(ring(), ringWithMulticast(), butterfly(), tree(), halvingDoubling(), hierarchical(),
                switchMl());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesParameterServers() {
        return false;
    }

    @Override
    public void validate(SimulationSettings settings, Topology topology) {
        int n = topology.workerCount();
        if (needsPowerOfTwo) {
            PairwiseExchangeAllReduce.requirePowerOfTwo(name, n);
        }
    }

    @Override
    public StrategyRun start(StrategyContext context) {
        AllReduceProtocol protocol = factory.create(context);
        new SimulatedFabric(context, protocol);
        return protocol::onGradientReady;
    }
}
