package dev.crest.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Same inputs give bit-identical results; the striped send order depends on the seed and only on it. */
class DeterminismTest {
    private static final Workload MODEL = new Workload("three", List.of(new TensorSpec("a", 3_000_000),
            new TensorSpec("b", 5_000_000), new TensorSpec("c", 2_000_000)), 0.001,
            List.of(new GradientEmission(2, 0.0005), new GradientEmission(1, 0.001), new GradientEmission(0, 0.002)));

    private static Result run(String strategy, TopologySpec topology, SimulationSettings settings) {
        return Simulation.of(MODEL, topology, Strategies.byName(strategy), settings).run();
    }

    @Test
    void repeatedRunsAreIdentical() {
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(8).withBandwidth(10e9).withMtu(100_000)
                .withStriped(true).withParameterServers(2);
        for (String strategy : Strategies.names()) {
            Simulation simulation = Simulation.of(MODEL, TopologySpec.fatTree(4), Strategies.byName(strategy), settings);
            Result first = simulation.run();
            Result second = simulation.run();
            Result fresh = run(strategy, TopologySpec.fatTree(4), settings);
            assertThat(second).as(strategy).isEqualTo(first);
            assertThat(fresh).as(strategy).isEqualTo(first);
            assertThat(Double.doubleToRawLongBits(fresh.iterationSeconds()))
                    .isEqualTo(Double.doubleToRawLongBits(first.iterationSeconds()));
        }
    }

    @Test
    void stripedOrderFollowsTheSeed() {
        SimulationSettings striped = SimulationSettings.defaults().withWorkers(8).withBandwidth(10e9).withMtu(100_000)
                .withStriped(true);
        List<Integer> orderSeed1 = arrivalOrder(run("ps", TopologySpec.singleRack(), striped.withSeed(1)));
        List<Integer> orderSeed1Again = arrivalOrder(run("ps", TopologySpec.singleRack(), striped.withSeed(1)));
        List<Integer> orderSeed2 = arrivalOrder(run("ps", TopologySpec.singleRack(), striped.withSeed(2)));
        List<Integer> unstriped = arrivalOrder(run("ps", TopologySpec.singleRack(), striped.withStriped(false)));

        assertThat(orderSeed1Again).isEqualTo(orderSeed1);
        assertThat(orderSeed2).isNotEqualTo(orderSeed1);
        assertThat(orderSeed1).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        // Without striping workers get tensor 0 in index order.
        assertThat(unstriped).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    /** Workers sorted by when tensor 0 reached them (forward start). */
    private static List<Integer> arrivalOrder(Result result) {
        return result.timelines().stream()
                .sorted((a, b) -> Double.compare(a.forwardStartSeconds(), b.forwardStartSeconds()))
                .map(WorkerTimeline::worker).collect(Collectors.toList());
    }
}
