package dev.crest.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fully specified toy model, worked out by hand from the simulator's semantics.
 *
 * <p>Model: two tensors of 20 Gbit each (layer 0 then layer 1, the PS's send order); forward 1 s; backprop emits
 * layer 1's gradient 2 s after it starts and layer 0's at 4 s (reverse layer order). Network: one rack, all links
 * between a host (10 Gbps) and the ToR (200 Gbps) run at min(10, 200) = 10 Gbps; latency L = 10 µs per hop;
 * MTU 12,000,000 bits, so a 20 Gbit message is 1,666 full packets (P = 1.2 ms each at 10 Gbps) plus one packet of
 * 8,000,000 bits (0.8 ms); its total serialization is T = 2 s.
 *
 * <p>Building blocks (default link discipline: all links 10 Gbps, a link transmits one packet at a time and the
 * packet lands L later while the next one is already being transmitted):
 * <ul>
 *   <li>Host→ToR→host, links idle: the second link starts when packet 0 has landed at the ToR (P + L) and then
 *       stays busy for T (packets keep landing exactly as it frees; the short last packet waits for it), so the last
 *       packet lands at the far host at start + T + P + 2L = start + 2.00122 s. Write δ = P + 2L = 0.00122 s.</li>
 *   <li>When the ToR→host link is the bottleneck and stays busy from its first packet on, a burst of k messages
 *       ends k·T after that first packet started.</li>
 *   <li>Aggregation (message granularity): a worker's gradient is whole at the ToR at send + T + L (its last
 *       packet ends serialization at send + T, lands L later); the ToR then sends one 20 Gbit message to the PS,
 *       a single hop, landing T + L after the ToR starts it.</li>
 * </ul>
 */
class ToyModelTest {
    private static final double T = 2.0;
    private static final double P = 0.0012;
    private static final double L = 10e-6;
    private static final double DELTA = P + 2 * L;

    static Workload toy() {
        return new Workload("toy", List.of(new TensorSpec("layer0", 20_000_000_000L),
                new TensorSpec("layer1", 20_000_000_000L)), 1.0,
                List.of(new GradientEmission(1, 2.0), new GradientEmission(0, 4.0)));
    }

    static SimulationSettings toySettings(int workers) {
        return SimulationSettings.defaults().withWorkers(workers).withParameterServers(1).withBandwidth(10e9)
                .withTorRate(200e9).withLatency(L).withMtu(12_000_000);
    }

    /**
     * Expected iteration times. Derivations (b = backprop start, g1/g0 = emission of layer 1/0's gradient):
     *
     * <p><b>ps, N = 1.</b> PS uplink sends layer 0 in [0, T] and layer 1 in [T, 2T]; they land at T + δ and 2T + δ.
     * Forward runs [T+δ, T+δ+1] and ends before the parameters are in, so b = 2T + δ = 4.00122. g1 = b + 2 leaves
     * at once and lands at the PS at b + 2 + T + δ = 8.00244; g0 = b + 4 = 8.00122, exactly when the worker's uplink
     * frees, lands at b + 4 + T + δ = 10.00244.
     *
     * <p><b>ps, N = 2.</b> The PS uplink sends t0→W0, t0→W1, t1→W0, t1→W1 back to back, each taking T, and each
     * lands δ after its end: W0 has everything at 3T + δ = 6.00122 (b0), W1 at 4T + δ = 8.00122 (b1). Gradients:
     * W0 sends g1 at 8.00122 and g0 at 10.00122, W1 sends g1 at 10.00122 and g0 at 12.00122, each uplink busy T
     * per message with no gaps from 10.00122 on. The ToR→PS link starts W0's g1 at 8.00122 + P + L = 8.00243 and,
     * since new packets arrive at least as fast as it serves them from then on, stays busy for the 4 messages:
     * 8.00243 + 4T = 16.00243, landing at 16.00244.
     *
     * <p><b>ps, N = 4.</b> The PS uplink needs 8T = 16 s; W_i's copy of t1 is message 5 + i, ending on the uplink
     * at (5 + i)·T = 10 + 2i, so b_i = 10 + 2i + δ, and W_i sends g1 at 12 + 2i + δ and g0 at 14 + 2i + δ. The ToR→PS
     * link starts W0's g1 at 12 + δ + P + L and from then on is never idle (one stream at exactly its rate, then
     * two or more), so it carries 8 messages: ends 12 + δ + P + L + 8T, landing at 28 + δ + P + 2L = 28.00244.
     *
     * <p><b>ps+multicast.</b> The PS sends each tensor once; the ToR copies every packet to all workers in
     * parallel, so every worker has t0 at T + δ and t1 at 2T + δ: b = 4.00122 for all, g1 at 6.00122, g0 at
     * 8.00122, every uplink busy without a gap during [6.00122, 10.00122]. The ToR→PS link starts at
     * 6.00122 + P + L = 6.00243 and carries 2N messages: lands at 6.00243 + 2N·T + L. N = 1: 10.00244;
     * N = 2: 14.00244; N = 4: 22.00244.
     *
     * <p><b>ps+agg.</b> Parameters as for ps. The ToR forwards layer k's aggregate once the last worker's gradient
     * of layer k is whole at the ToR. N = 1: b = 4.00122; g1 whole at b + 2 + T + L = 8.00123, aggregate lands at
     * 8.00123 + T + L = 10.00124; g0 whole at b + 4 + T + L = 10.00123 (the ToR→PS link frees at that instant),
     * lands at 12.00124. N = 2: last worker W1 has b1 = 8.00122, so g0 of W1 is whole at 8.00122 + 4 + T + L =
     * 14.00123 and its aggregate lands at 16.00124 (layer 1's aggregate, whole at the ToR at 10.00122 + T + L =
     * 12.00123, holds the ToR→PS link until exactly 14.00123).
     * N = 4: b3 = 16.00122, g0 of W3 whole at 22.00123, lands at 24.00124.
     *
     * <p><b>ps+agg+multicast.</b> All workers have b = 4.00122 and emit together; each layer's aggregate is ready
     * when all N (parallel) uplinks finish: layer 1 at 8.00123, layer 0 at 10.00123, landing at 12.00124 for any
     * N, the one-worker store-and-forward cost included.
     */
    @ParameterizedTest(name = "{0} with {1} workers takes {2} s")
    @CsvSource({
        "ps, 1, 10.00244",
        "ps, 2, 16.00244",
        "ps, 4, 28.00244",
        "ps+multicast, 1, 10.00244",
        "ps+multicast, 2, 14.00244",
        "ps+multicast, 4, 22.00244",
        "ps+agg, 1, 12.00124",
        "ps+agg, 2, 16.00124",
        "ps+agg, 4, 24.00124",
        "ps+agg+multicast, 1, 12.00124",
        "ps+agg+multicast, 2, 12.00124",
        "ps+agg+multicast, 4, 12.00124",
    })
    void iterationTimeMatchesHandDerivation(String strategy, int workers, double expectedSeconds) {
        Result result = Simulation.of(toy(), TopologySpec.singleRack(), Strategies.byName(strategy), toySettings(workers))
                .run();

        assertThat(result.iterationSeconds()).isCloseTo(expectedSeconds, within(1e-9));
    }

    @ParameterizedTest(name = "ps with {0} workers: backprop starts follow the PS send order")
    @CsvSource({"1", "2", "4"})
    void parameterArrivalsFollowTheSendOrder(int workers) {
        Result result = Simulation.of(toy(), TopologySpec.singleRack(), Strategies.byName("ps"), toySettings(workers))
                .run();

        for (int w = 0; w < workers; w++) {
            // Worker w's copy of tensor 1 is the (N + w + 1)-th message on the PS uplink.
            double expected = (workers + w + 1) * T + DELTA;
            assertThat(result.timelines().get(w).backpropStartSeconds()).isCloseTo(expected, within(1e-9));
            assertThat(result.timelines().get(w).forwardStartSeconds()).isCloseTo((w + 1) * T + DELTA, within(1e-9));
        }
    }

    @Test
    void busiestLinksAreThePsLinks() {
        Result result = Simulation.of(toy(), TopologySpec.singleRack(), Strategies.byName("ps"), toySettings(4)).run();

        // Under ps with 4 workers each PS link carries 4 copies of the 40 Gbit model, busy 4·2T = 16 s of 28.00244 s;
        // worker links carry 40 Gbit each way (4 s).
        assertThat(result.busiestLinks()).hasSize(SimulationSettings.DEFAULT_BUSIEST_LINKS);
        List<LinkLoad> top = result.busiestLinks().subList(0, 2);
        assertThat(top).extracting(l -> l.from() + "->" + l.to()).containsExactlyInAnyOrder("ps0->tor0", "tor0->ps0");
        for (LinkLoad load : top) {
            assertThat(load.bits()).isEqualTo(160_000_000_000L);
            assertThat(load.busySeconds()).isCloseTo(16.0, within(1e-9));
            assertThat(load.utilisation()).isCloseTo(16.0 / 28.00244, within(1e-9));
        }
        assertThat(result.busiestLinks().get(2).busySeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(result.breakdown().parameterDistributionSeconds()).isCloseTo(8 * T + DELTA, within(1e-9));
        assertThat(result.breakdown().computeSeconds()).isEqualTo(5.0);
        assertThat(result.breakdown().lastGradientSeconds()).isCloseTo(16 * 1.0 + DELTA + 4, within(1e-9));
        assertThat(result.workerFinishSeconds()).hasSize(4);
        assertThat(result.eventsProcessed()).isGreaterThan(result.packetHops());
    }

    /**
     * The literal "one packet in flight per link" reading: a link is busy for size / rate + L per packet. A 20 Gbit
     * message then occupies a link for S = 1666·(P + L) + (0.8 ms + L) = 2.01667 s, and on a second hop every packet
     * starts exactly P + L after it started on the first (each waits for its predecessor to land, which takes just
     * as long), so a two-hop transfer ends S + P + L after it starts. Under ps+agg+multicast: t1 lands at every
     * worker at b = 2S + P + L = 4.03455; layer 1's gradient (b + 2) is whole at the ToR after S more and its
     * aggregate lands at the PS at b + 2 + 2S = 10.06789; layer 0's gradient (b + 4) is whole at b + 4 + S =
     * 10.05122 but the ToR→PS link is busy until 10.06789, so it lands at b + 2 + 3S = 12.08456, for any N.
     */
    @ParameterizedTest(name = "ps+agg+multicast, latency occupying links, {0} workers")
    @CsvSource({"1", "2", "4"})
    void latencyOccupyingLinksSlowsEveryPacket(int workers) {
        double s = 1666 * (P + L) + 0.0008 + L;
        double expected = 2 * s + P + L + 2 + 3 * s;
        Result result = Simulation.of(toy(), TopologySpec.singleRack(), Strategies.byName("ps+agg+multicast"),
                toySettings(workers).withLatencyOccupiesLink(true)).run();

        assertThat(expected).isCloseTo(12.08456, within(1e-5));
        assertThat(result.iterationSeconds()).isCloseTo(expected, within(1e-9));
    }
}
