package dev.crest.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic sanity checks (N workers, M model bits, bandwidth B) across a grid, on one rack.
 *
 * <p>The workload makes the formulas' assumptions hold: K = 64 equal tensors (so a worker's parameters are
 * complete at most M/(KB) after the last of them left the PS, and an aggregate's store-and-forward costs only
 * M/(KB)), instantaneous backprop, a forward pass of 1% of M/B, and an MTU of 1/20 of a tensor (so per-hop
 * pipelining costs about M/(20KB)). The neglected terms are then each below 1/K ≈ 1.6% of the leading term and
 * partly cancel (PS: the first workers start sending gradients NM/(KB) early; the others: one tensor's
 * store-and-forward and the forward pass), so each check uses a relative tolerance of 1.5%.
 */
class AnalyticBoundsTest {
    private static final int TENSORS = 64;
    private static final long TENSOR_BITS = 20_000_000;
    private static final long MODEL_BITS = TENSORS * TENSOR_BITS;
    private static final double TOLERANCE = 0.015;

    static Workload workload(double bandwidth) {
        List<TensorSpec> tensors = new ArrayList<>();
        List<GradientEmission> backprop = new ArrayList<>();
        for (int t = 0; t < TENSORS; t++) {
            tensors.add(new TensorSpec("t" + t, TENSOR_BITS));
            backprop.add(new GradientEmission(TENSORS - 1 - t, 0.0));
        }
        return new Workload("equal-tensors", tensors, forward(bandwidth), backprop);
    }

    static double forward(double bandwidth) {
        return 0.01 * MODEL_BITS / bandwidth;
    }

    static Stream<Arguments> grid() {
        List<Arguments> grid = new ArrayList<>();
        for (int workers : new int[] {2, 4, 8, 16}) {
            for (double bandwidth : new double[] {10e9, 40e9, 100e9}) {
                grid.add(Arguments.of(workers, bandwidth));
            }
        }
        return grid.stream();
    }

    private static double simulate(String strategy, int workers, double bandwidth) {
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(workers).withBandwidth(bandwidth)
                .withMtu(TENSOR_BITS / 20);
        return Simulation.of(workload(bandwidth), TopologySpec.singleRack(), Strategies.byName(strategy), settings).run()
                .iterationSeconds();
    }

    @ParameterizedTest(name = "ps: N={0}, B={1}")
    @MethodSource("grid")
    void parameterServerTakesTwoNMOverB(int workers, double bandwidth) {
        double expected = 2.0 * workers * MODEL_BITS / bandwidth;
        assertThat(simulate("ps", workers, bandwidth)).isCloseTo(expected, within(TOLERANCE * expected));
    }

    @ParameterizedTest(name = "ps with 2 even shards: N={0}, B={1}")
    @MethodSource("grid")
    void shardedParameterServersSplitTheLoad(int workers, double bandwidth) {
        // Each of the two PS links carries half of the traffic: 2N(M/2)/B.
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(workers).withBandwidth(bandwidth)
                .withMtu(TENSOR_BITS / 20).withParameterServers(2);
        double expected = 2.0 * workers * (MODEL_BITS / 2.0) / bandwidth;
        double simulated = Simulation.of(workload(bandwidth), TopologySpec.singleRack(), Strategies.byName("ps"),
                settings).run().iterationSeconds();
        assertThat(simulated).isCloseTo(expected, within(2 * TOLERANCE * expected));
    }

    @ParameterizedTest(name = "ps+agg: N={0}, B={1}")
    @MethodSource("grid")
    void aggregationAloneTakesNPlusOneMOverB(int workers, double bandwidth) {
        double expected = (workers + 1.0) * MODEL_BITS / bandwidth;
        assertThat(simulate("ps+agg", workers, bandwidth)).isCloseTo(expected, within(TOLERANCE * expected));
    }

    @ParameterizedTest(name = "ps+multicast: N={0}, B={1}")
    @MethodSource("grid")
    void multicastAloneTakesNPlusOneMOverB(int workers, double bandwidth) {
        double expected = (workers + 1.0) * MODEL_BITS / bandwidth;
        assertThat(simulate("ps+multicast", workers, bandwidth)).isCloseTo(expected, within(TOLERANCE * expected));
    }

    @ParameterizedTest(name = "ps+agg+multicast: N={0}, B={1}")
    @MethodSource("grid")
    void aggregationWithMulticastTakesTwoMOverBPlusForward(int workers, double bandwidth) {
        double expected = 2.0 * MODEL_BITS / bandwidth + forward(bandwidth);
        assertThat(simulate("ps+agg+multicast", workers, bandwidth))
                .isCloseTo(expected, within(TOLERANCE * expected));
    }
}
