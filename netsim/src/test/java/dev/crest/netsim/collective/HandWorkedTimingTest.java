package dev.crest.netsim.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crest.netsim.sim.Result;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategy;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact iteration times of tiny cases worked out by hand. Common setting: one rack, worker links B = 1 Gbps (the
 * ToR's 200 Gbps ports run at the worker's rate on worker links), latency L = 10 µs per hop, forward F = 0.5 s,
 * one tensor whose gradient is ready at backprop start, and MTU = chunk = 1 Mbit so every message of a chunk is
 * one packet. A packet of s bits crosses worker → ToR → worker in 2(s/B + L); a full 1 Mbit message therefore
 * takes 2 × (1 ms + 10 µs) = 2.02 ms when nothing queues.
 */
class HandWorkedTimingTest {
    private static final double F = 0.5;
    private static final long C = 1_000_000;

    static Workload oneTensor(long bits) {
        return new Workload("toy", List.of(new TensorSpec("w", bits)), F, List.of(new GradientEmission(0, 0.0)));
    }

    static Result run(Strategy strategy, int workers, long bits) {
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(workers).withBandwidth(1e9)
                .withLatency(10e-6).withMtu(C).withChunkBits(C);
        return Simulation.of(oneTensor(bits), TopologySpec.singleRack(), strategy, settings).run();
    }

    @Test
    void ringOfTwo() {
        // Chunks 0 and 1 are rooted at workers 0 and 1. Both send at F and arrive at 2.02 ms; the receiver added
        // the last contribution, holds the chunk and sends it back (allgather): 4.04 ms.
        assertThat(run(AllReduceStrategy.ring(), 2, 2 * C).iterationSeconds()).isCloseTo(F + 4.04e-3, within(1e-12));
    }

    @Test
    void ringOfFour() {
        // Four chunks, one rooted at each worker: in each of the 2(N−1) = 6 steps every uplink and downlink
        // carries exactly one chunk, so steps take 2.02 ms each: 12.12 ms.
        assertThat(run(AllReduceStrategy.ring(), 4, 4 * C).iterationSeconds()).isCloseTo(F + 12.12e-3, within(1e-12));
    }

    @Test
    void ringWithMulticastOfFour() {
        // Reduce as the ring: 3 steps, 6.06 ms. Every reducer then multicasts: its packet reaches the ToR at
        // 7.07 ms, and each ToR→worker link carries the three other reducers' copies back to back (1 ms each),
        // so the last copy lands at 7.07 + 3 + 0.01 = 10.08 ms.
        Result multicast = run(AllReduceStrategy.ringWithMulticast(), 4, 4 * C);
        assertThat(multicast.iterationSeconds()).isCloseTo(F + 10.08e-3, within(1e-12));
        assertThat(multicast.iterationSeconds()).isLessThan(run(AllReduceStrategy.ring(), 4, 4 * C).iterationSeconds());
    }

    @Test
    void butterflyOfFour() {
        // One chunk; two rounds of full-size pairwise swaps, 2.02 ms each.
        assertThat(run(AllReduceStrategy.butterfly(), 4, C).iterationSeconds()).isCloseTo(F + 4.04e-3, within(1e-12));
    }

    @Test
    void halvingDoublingOfFour() {
        // One chunk of 1 Mbit: reduce-scatter sends 1/2 then 1/4 of it, allgather 1/4 then 1/2. A message of
        // s bits takes 2(s/B + L): 1.02 + 0.52 + 0.52 + 1.02 = 3.08 ms.
        assertThat(run(AllReduceStrategy.halvingDoubling(), 4, C).iterationSeconds())
                .isCloseTo(F + 3.08e-3, within(1e-12));
    }

    @Test
    void treeOfFour() {
        // Trees (DoubleBinaryTreeTest): tree 0 is 3 → 1 → {0, 2}, tree 1 is 0 → 2 → {3, 1}; each carries a
        // 0.5 Mbit half (0.5 ms per link). Times in ms after F:
        //  0: leaves send up: 0, 2 → 1 (tree 0) and 3, 1 → 2 (tree 1); each uplink carries one half.
        //  1.02 and 1.52: the two halves reach 1 (and 2) one after the other over its ToR→worker link.
        //  1.52: 1 sends its sum to root 3, 2 to root 0; they land at 1.52 + 1.02 = 2.54: roots hold, send down.
        //  3.56: 1 and 2 receive the reduced halves from their roots (hold) and forward to both children,
        //        back to back on their uplinks: copies reach the ToR at 4.07 and 4.57.
        //  4.58: the first children (0 in tree 0, 3 in tree 1) hold; the second (2, 1) at 4.57 + 0.51 = 5.08.
        assertThat(run(AllReduceStrategy.tree(), 4, C).iterationSeconds()).isCloseTo(F + 5.08e-3, within(1e-12));
    }

    @Test
    void hierarchicalOfThreeInOneRack() {
        // One rack, leader 0: chain reduce 2 → 1 → 0 (two 2.02 ms hops), then chain broadcast 0 → 1 → 2 (two
        // more): 8.08 ms.
        assertThat(run(AllReduceStrategy.hierarchical(), 3, C).iterationSeconds()).isCloseTo(F + 8.08e-3, within(1e-12));
    }

    @Test
    void switchMlWithOneSlotPaysARoundTripPerPacket() {
        // Three packets through one slot: each goes up (1 ms + 10 µs) and its aggregate down (same) before the
        // next may leave: 3 × 2.02 = 6.06 ms.
        assertThat(run(AllReduceStrategy.switchMl(1), 2, 3 * C).iterationSeconds()).isCloseTo(F + 6.06e-3, within(1e-12));
    }

    @Test
    void switchMlWithThreeSlotsStreams() {
        // All three packets leave back to back; packet i reaches the ToR at (i+1) ms + 10 µs and its aggregate,
        // serialized on the ToR→worker link, lands 1 ms + 10 µs later: last at 3 + 1 + 0.02 = 4.02 ms.
        assertThat(run(AllReduceStrategy.switchMl(3), 2, 3 * C).iterationSeconds()).isCloseTo(F + 4.02e-3, within(1e-12));
    }

    @Test
    void oneWorkerFinishesWhenItsGradientsExist() {
        for (Strategy s : AllReduceStrategy.all()) {
            assertThat(run(s, 1, 3 * C).iterationSeconds()).as(s.name()).isCloseTo(F, within(1e-12));
        }
    }
}
