package dev.crest.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * What crosses the PS's own links follows from the strategy alone, on any topology: the PS sends M bits per worker
 * (unicast) or M once (multicast), and receives M per worker (unicast) or M once (aggregation). Timing bounds: no
 * iteration beats pushing the PS's traffic through its link, and no worker finishes before its backprop starts.
 */
class TrafficInvariantsTest {
    private static final List<TopologySpec> TOPOLOGIES = List.of(TopologySpec.singleRack(), TopologySpec.evenRacks(2, 2),
            TopologySpec.fatTree(0), TopologySpec.leafSpine(3, 2, 2.0));

    @Property(tries = 60)
    void parameterServerTrafficMatchesTheStrategy(@ForAll @IntRange(min = 2, max = 10) int workers,
            @ForAll @IntRange(min = 0, max = 3) int topologyIndex, @ForAll @IntRange(min = 0, max = 3) int strategyIndex,
            @ForAll @Size(min = 1, max = 5) List<@LongRange(min = 1, max = 3_000_000) Long> tensorBits,
            @ForAll @LongRange(min = 50_000, max = 2_000_000) long mtu) {
        String strategy = Strategies.names().get(strategyIndex);
        List<TensorSpec> tensors = new ArrayList<>();
        List<GradientEmission> backprop = new ArrayList<>();
        long model = 0;
        for (int t = 0; t < tensorBits.size(); t++) {
            tensors.add(new TensorSpec("t" + t, tensorBits.get(t)));
            backprop.add(new GradientEmission(tensorBits.size() - 1 - t, 1e-4 * t));
            model += tensorBits.get(t);
        }
        Workload workload = new Workload("random", tensors, 2e-4, backprop);
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(workers).withBandwidth(10e9).withMtu(mtu)
                .withBusiestLinks(100_000);

        Result result = Simulation.of(workload, TOPOLOGIES.get(topologyIndex), Strategies.byName(strategy), settings)
                .run();

        long sent = result.busiestLinks().stream().filter(l -> l.from().equals("ps0")).mapToLong(LinkLoad::bits).sum();
        long received = result.busiestLinks().stream().filter(l -> l.to().equals("ps0")).mapToLong(LinkLoad::bits)
                .sum();
        boolean multicast = strategy.contains("multicast");
        boolean aggregation = strategy.contains("agg");
        assertThat(sent).isEqualTo(multicast ? model : workers * model);
        assertThat(received).isEqualTo(aggregation ? model : workers * model);
        assertThat(result.iterationSeconds()).isGreaterThanOrEqualTo(Math.max(sent, received) / 10e9);
        for (WorkerTimeline timeline : result.timelines()) {
            assertThat(timeline.finishSeconds()).isGreaterThanOrEqualTo(timeline.backpropStartSeconds())
                    .isLessThanOrEqualTo(result.iterationSeconds());
            assertThat(timeline.backpropStartSeconds()).isGreaterThanOrEqualTo(timeline.parametersInSeconds());
        }
        assertThat(result.eventsProcessed()).isGreaterThanOrEqualTo(result.packetHops());
    }

    /** With tiny switch buffers on any topology every lost packet is resent until the iteration completes. */
    @Property(tries = 30)
    void finiteBuffersStillCompleteTheIteration(@ForAll @IntRange(min = 2, max = 8) int workers,
            @ForAll @IntRange(min = 0, max = 3) int topologyIndex, @ForAll @IntRange(min = 0, max = 3) int strategyIndex,
            @ForAll @IntRange(min = 1, max = 3) int bufferPackets) {
        String strategy = Strategies.names().get(strategyIndex);
        Workload workload = new Workload("two", List.of(new TensorSpec("a", 2_000_000), new TensorSpec("b", 3_000_000)),
                1e-4, List.of(new GradientEmission(1, 0), new GradientEmission(0, 1e-4)));
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(workers).withBandwidth(10e9)
                .withMtu(100_000).withBuffers(bufferPackets, 5e-5).withBusiestLinks(100_000);

        Result result = Simulation.of(workload, TOPOLOGIES.get(topologyIndex), Strategies.byName(strategy), settings)
                .run();

        long received = result.busiestLinks().stream().filter(l -> l.to().equals("ps0")).mapToLong(LinkLoad::bits)
                .sum();
        assertThat(received).isGreaterThanOrEqualTo(strategy.contains("agg") ? 5_000_000 : workers * 5_000_000L);
        for (double finish : result.workerFinishSeconds()) {
            assertThat(finish).isPositive().isLessThanOrEqualTo(result.iterationSeconds());
        }
    }
}
