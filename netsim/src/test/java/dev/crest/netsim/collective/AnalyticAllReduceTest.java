package dev.crest.netsim.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.Result;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategy;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic iteration times of the issue, across a grid of N and B, in a regime where pipelining effects are
 * negligible: one rack, one tensor of M = 32·N chunks of 1 Mbit whose gradient is ready at backprop start,
 * MTU 100 kbit, latency 1 µs, forward F = 0.1 s. Each formula is the time the busiest worker link needs for
 * the bits the algorithm puts on it, so it is also a lower bound; the simulated time must lie between the
 * formula and the formula plus a stated relative tolerance on its network part.
 */
class AnalyticAllReduceTest {
    private static final double F = 0.1;
    private static final long CHUNK = 1_000_000;

    private static Workload workload(long bits) {
        return new Workload("analytic", List.of(new TensorSpec("w", bits)), F, List.of(new GradientEmission(0, 0.0)));
    }

    private static Result simulate(Strategy strategy, TopologySpec topology, int n, double bandwidth) {
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(n).withBandwidth(bandwidth)
                .withLatency(1e-6).withMtu(100_000).withChunkBits(CHUNK);
        return Simulation.of(workload(modelBits(n)), topology, strategy, settings).run();
    }

    private static long modelBits(int n) {
        return 32L * n * CHUNK;
    }

    static List<Arguments> nAndB() {
        List<Arguments> out = new ArrayList<>();
        for (int n : new int[] {2, 4, 8, 16}) {
            for (double b : new double[] {10e9, 100e9}) {
                out.add(Arguments.of(n, b));
            }
        }
        return out;
    }

    private static void assertNetworkTime(Strategy strategy, int n, double b, double expectedNetwork,
            double tolerance) {
        double t = simulate(strategy, TopologySpec.singleRack(), n, b).iterationSeconds();
        assertThat(t).as("%s N=%d B=%.0e", strategy.name(), n, b)
                .isBetween(F + expectedNetwork * (1 - 1e-9), F + expectedNetwork * (1 + tolerance));
    }

    @ParameterizedTest(name = "N={0} B={1}")
    @MethodSource("nAndB")
    void ringTakesTwoNMinusOneOverNModelTimes(int n, double b) {
        // ring ≈ 2(N−1)M/(NB) + F, within 1 %
        assertNetworkTime(AllReduceStrategy.ring(), n, b, 2.0 * (n - 1) * modelBits(n) / (n * b), 0.01);
    }

    @ParameterizedTest(name = "N={0} B={1}")
    @MethodSource("nAndB")
    void butterflyTakesLog2NModelTimes(int n, double b) {
        // butterfly ≈ log2(N)·M/B + F, within 1 %
        int log2n = Integer.numberOfTrailingZeros(n);
        assertNetworkTime(AllReduceStrategy.butterfly(), n, b, log2n * modelBits(n) / b, 0.01);
    }

    @ParameterizedTest(name = "N={0} B={1}")
    @MethodSource("nAndB")
    void halvingDoublingMatchesTheRing(int n, double b) {
        // halving-doubling ≈ 2(N−1)M/(NB) + F, within 1 %
        assertNetworkTime(AllReduceStrategy.halvingDoubling(), n, b, 2.0 * (n - 1) * modelBits(n) / (n * b), 0.01);
    }

    @ParameterizedTest(name = "N={0} B={1}")
    @MethodSource("nAndB")
    void treeTakesTwoModelTimes(int n, double b) {
        // Double binary tree: a worker that is inner (parent + two children) in one tree and a leaf in the
        // other moves 3·M/2 + M/2 = 2M each way, so tree ≈ 2M/B + F for N ≥ 4 and M/B for N = 2 (each
        // worker sends its half up and the other half down). The message-level pipeline gets within 6 % of it
        // (contention of three senders at inner workers' downlinks costs the rest).
        double expected = (n == 2 ? 1.0 : 2.0) * modelBits(n) / b;
        assertNetworkTime(AllReduceStrategy.tree(), n, b, expected, 0.06);
    }

    @ParameterizedTest(name = "N={0} B={1}")
    @MethodSource("nAndB")
    void switchMlTakesOneModelTime(int n, double b) {
        // Each worker sends M up and receives M down, overlapped: ≈ M/B + F, within 1 % (512 slots of
        // 100 kbit cover the ~4 µs round trip many times over).
        assertNetworkTime(AllReduceStrategy.switchMl(), n, b, modelBits(n) / b, 0.01);
    }

    @ParameterizedTest(name = "N={0} B={1}")
    @MethodSource("nAndB")
    void ringWithMulticastIsNoSlowerThanRing(int n, double b) {
        double ring = simulate(AllReduceStrategy.ring(), TopologySpec.singleRack(), n, b).iterationSeconds();
        double multicast = simulate(AllReduceStrategy.ringWithMulticast(), TopologySpec.singleRack(), n, b)
                .iterationSeconds();
        assertThat(multicast).isLessThanOrEqualTo(ring);
    }

    @Test
    void hierarchicalWithOneWorkerPerRackIsTheRing() {
        // Every rack is its own leader with no chain, so the leader ring is exactly the ring, packet for packet.
        TopologySpec racks = TopologySpec.evenRacks(6, 2);
        double ring = simulate(AllReduceStrategy.ring(), racks, 6, 25e9).iterationSeconds();
        double hierarchical = simulate(AllReduceStrategy.hierarchical(), racks, 6, 25e9).iterationSeconds();
        assertThat(hierarchical).isEqualTo(ring);
    }

    @Test
    void hierarchicalInOneRackIsAChainOfTwoModelTimes() {
        // One rack: chain reduce then chain broadcast; middle workers send M up the chain and M down it:
        // ≈ 2M/B + F, within 5 % (a chunk needs 2(N−1) store-and-forward hops to drain the pipeline).
        assertNetworkTime(AllReduceStrategy.hierarchical(), 8, 10e9, 2.0 * modelBits(8) / 10e9, 0.05);
    }

    @Test
    void powerOfTwoStrategiesRejectSixWorkers() {
        SimulationSettings six = SimulationSettings.defaults().withWorkers(6);
        for (Strategy s : List.of(AllReduceStrategy.butterfly(), AllReduceStrategy.halvingDoubling())) {
            assertThatThrownBy(() -> Simulation.of(workload(CHUNK), TopologySpec.singleRack(), s, six))
                    .isInstanceOf(NetsimException.class)
                    .hasMessage(s.name() + " needs a power-of-two number of workers, got 6; use 4 or 8 workers,"
                            + " or the ring strategy");
        }
    }

    @Test
    void switchMlAcrossRacksStillTakesOneModelTime() {
        // Three racks of four under two 200 Gbps spines: ToRs aggregate their racks, a spine aggregates the three
        // ToRs' packets and multicasts back; worker links still carry M each way: ≈ M/B + F, within 1 %.
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(12).withBandwidth(10e9)
                .withLatency(1e-6).withMtu(100_000).withChunkBits(CHUNK);
        double t = Simulation.of(workload(modelBits(12)), TopologySpec.evenRacks(3, 2), AllReduceStrategy.switchMl(),
                settings).run().iterationSeconds();
        double expected = modelBits(12) / 10e9;
        assertThat(t).isBetween(F + expected, F + expected * 1.01);
    }

    @Test
    void runsAreDeterministic() {
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(8).withMtu(100_000)
                .withChunkBits(CHUNK);
        Workload w = new Workload("two", List.of(new TensorSpec("a", 7 * CHUNK + 5), new TensorSpec("b", 3 * CHUNK)),
                F, List.of(new GradientEmission(1, 0.0), new GradientEmission(0, 1e-3)));
        for (Strategy s : AllReduceStrategy.all()) {
            Result first = Simulation.of(w, TopologySpec.fatTree(4), s, settings).run();
            Result second = Simulation.of(w, TopologySpec.fatTree(4), s, settings).run();
            assertThat(second).as(s.name()).isEqualTo(first);
        }
    }
}
