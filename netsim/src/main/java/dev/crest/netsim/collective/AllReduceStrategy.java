package dev.crest.netsim.collective;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategy;
import dev.crest.netsim.strategy.StrategyContext;
import dev.crest.netsim.strategy.StrategyRun;
import dev.crest.netsim.topology.Topology;
import java.util.ArrayList;
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
    private final boolean needsOneRack;

    private AllReduceStrategy(String name, ProtocolFactory factory, boolean needsPowerOfTwo, boolean needsOneRack) {
        this.name = name;
        this.factory = factory;
        this.needsPowerOfTwo = needsPowerOfTwo;
        this.needsOneRack = needsOneRack;
    }

    /** {@code ring}: the reference ring of {@link RingAllReduce}, chunked at the settings' chunk size. */
    public static AllReduceStrategy ring() {
        return new AllReduceStrategy("ring", c -> new RingAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits(), false), false, false);
    }

    /** {@code ring+multicast}: ring reduce, then the reducing worker multicasts each chunk. */
    public static AllReduceStrategy ringWithMulticast() {
        return new AllReduceStrategy("ring+multicast", c -> new RingAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits(), true), false, false);
    }

    /** {@code butterfly}: recursive doubling, N a power of two. */
    public static AllReduceStrategy butterfly() {
        return new AllReduceStrategy("butterfly", c -> new ButterflyAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits()), true, false);
    }

    /** {@code tree}: NCCL-style double binary tree. */
    public static AllReduceStrategy tree() {
        return new AllReduceStrategy("tree", c -> new DoubleBinaryTreeAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits()), false, false);
    }

    /** {@code halving-doubling}: Rabenseifner's reduce-scatter + allgather, N a power of two. */
    public static AllReduceStrategy halvingDoubling() {
        return new AllReduceStrategy("halving-doubling", c -> new HalvingDoublingAllReduce(c.workers(),
                c.workload(), c.settings().chunkBits()), true, false);
    }

    /** {@code hierarchical}: chain reduce in each rack, ring across rack leaders, chain broadcast in each rack. */
    public static AllReduceStrategy hierarchical() {
        return new AllReduceStrategy("hierarchical", c -> new HierarchicalAllReduce(c.workers(), c.workload(),
                c.settings().chunkBits(), racksOf(c.topology())), false, false);
    }

    /** {@code switchml} with the default pool of {@value SwitchMlAllReduce#DEFAULT_SLOTS} slots. */
    public static AllReduceStrategy switchMl() {
        return switchMl(SwitchMlAllReduce.DEFAULT_SLOTS);
    }

    /** {@code switchml}: per-packet streaming aggregation in the ToR with {@code slots} aggregation slots. */
    public static AllReduceStrategy switchMl(int slots) {
        if (slots < 1) {
            throw new NetsimException("switchml: the switch needs at least one aggregation slot, got " + slots);
        }
        return new AllReduceStrategy("switchml", c -> new SwitchMlAllReduce(c.workers(), c.workload(),
                c.settings().mtuBits(), slots), false, true);
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
        if (needsOneRack && n > 1) {
            int rack = topology.rackOf(topology.workerNode(0));
            for (int w = 1; w < n; w++) {
                if (topology.rackOf(topology.workerNode(w)) != rack) {
                    throw new NetsimException(name + " aggregates in one ToR switch, but the workers span "
                            + topology.rackCount() + " racks; use the single-rack topology");
                }
            }
        }
    }

    @Override
    public StrategyRun start(StrategyContext context) {
        AllReduceProtocol protocol = factory.create(context);
        new SimulatedFabric(context, protocol);
        return protocol::onGradientReady;
    }

    /** Workers grouped by rack, racks in order of their first worker, each rack's lowest worker first (leader). */
    private static List<int[]> racksOf(Topology topology) {
        int n = topology.workerCount();
        int[] groupOfRack = new int[topology.rackCount()];
        java.util.Arrays.fill(groupOfRack, -1);
        List<List<Integer>> groups = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int rack = topology.rackOf(topology.workerNode(w));
            if (groupOfRack[rack] < 0) {
                groupOfRack[rack] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOfRack[rack]).add(w);
        }
        List<int[]> racks = new ArrayList<>(groups.size());
        for (List<Integer> g : groups) {
            racks.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return racks;
    }
}
