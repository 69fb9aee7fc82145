package dev.crest.netsim.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Protocol logic on a timeless scripted network: completion, causality, traffic volume, slot bound. */
class AllReduceProtocolTest {

    /** Tensors of the given sizes; backprop emits them last to first, one second apart. */
    static Workload workload(long... bits) {
        List<TensorSpec> tensors = new ArrayList<>();
        List<GradientEmission> emissions = new ArrayList<>();
        for (int t = 0; t < bits.length; t++) {
            tensors.add(new TensorSpec("t" + t, bits[t]));
            emissions.add(new GradientEmission(t, bits.length - 1 - t));
        }
        return new Workload("test", tensors, 0.0, emissions);
    }

    static ScriptedFabric run(AllReduceProtocol protocol, int workers, Workload workload, long seed) {
        return run(protocol, workers, workload, seed, new int[workers]);
    }

    static ScriptedFabric run(AllReduceProtocol protocol, int workers, Workload workload, long seed,
            int[] rackOfWorker) {
        ScriptedFabric fabric = new ScriptedFabric(protocol, workers, workload.tensors().size(), seed, rackOfWorker);
        List<Integer> order = workload.backprop().stream().map(GradientEmission::tensorIndex).toList();
        fabric.run(ScriptedFabric.allGradients(workers, order, seed));
        assertThat(protocol.finished()).as("all workers finished").isTrue();
        int[] once = new int[workers];
        Arrays.fill(once, 1);
        assertThat(fabric.finishedCount).containsExactly(once);
        return fabric;
    }

    static long total(long[] perWorker) {
        return Arrays.stream(perWorker).sum();
    }

    @Provide
    Arbitrary<long[]> tensorSizes() {
        return Arbitraries.longs().between(1, 400).array(long[].class).ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 40)
    void ringMovesEveryChunkTwoNMinusTwoTimes(@ForAll @IntRange(min = 1, max = 9) int n,
            @ForAll("tensorSizes") long[] sizes, @ForAll @LongRange(min = 1, max = 150) long chunk,
            @ForAll long seed) {
        Workload w = workload(sizes);
        ScriptedFabric f = run(new RingAllReduce(n, w, chunk, false), n, w, seed);
        assertThat(total(f.bitsSent)).isEqualTo(2L * (n - 1) * w.totalBits());
    }

    @Property(tries = 40)
    void ringWithMulticastSendsHalfAndDeliversTheSame(@ForAll @IntRange(min = 1, max = 9) int n,
            @ForAll("tensorSizes") long[] sizes, @ForAll @LongRange(min = 1, max = 150) long chunk,
            @ForAll long seed) {
        Workload w = workload(sizes);
        ScriptedFabric f = run(new RingAllReduce(n, w, chunk, true), n, w, seed);
        // N−1 unicast reduce hops plus one multicast send per chunk; every worker but the reducer receives it.
        assertThat(total(f.bitsSent)).isEqualTo(n == 1 ? 0 : (long) n * w.totalBits());
        assertThat(total(f.bitsReceived)).isEqualTo(2L * (n - 1) * w.totalBits());
    }

    @Property(tries = 40)
    void butterflySendsTheModelOncePerRound(@ForAll @IntRange(min = 0, max = 4) int log2n,
            @ForAll("tensorSizes") long[] sizes, @ForAll @LongRange(min = 1, max = 150) long chunk,
            @ForAll long seed) {
        int n = 1 << log2n;
        Workload w = workload(sizes);
        ScriptedFabric f = run(new ButterflyAllReduce(n, w, chunk), n, w, seed);
        for (long sent : f.bitsSent) {
            assertThat(sent).isEqualTo(log2n * w.totalBits());
        }
    }

    @Property(tries = 40)
    void halvingDoublingSendsTwoNMinusOneOverNOfTheModel(@ForAll @IntRange(min = 0, max = 4) int log2n,
            @ForAll("tensorSizes") long[] sizes, @ForAll @LongRange(min = 1, max = 10) long chunkSixteenths,
            @ForAll long seed) {
        int n = 1 << log2n;
        // sizes and chunk multiples of 16 ≥ N, so every chunk has at least N bits, no segment is empty and
        // volumes are exact
        Workload w = workload(Arrays.stream(sizes).map(s -> s * 16).toArray());
        ScriptedFabric f = run(new HalvingDoublingAllReduce(n, w, chunkSixteenths * 16), n, w, seed);
        assertThat(total(f.bitsSent)).isEqualTo(2L * (n - 1) * w.totalBits());
        for (long sent : f.bitsSent) {
            // each worker: 2(N−1)/N of each chunk, up to rounding of odd halves (≤ 1 bit per round)
            assertThat((double) sent).isCloseTo(2.0 * (n - 1) / n * w.totalBits(),
                    Offset.offset(2.0 * log2n * w.tensors().size() * 10 + 1e-9));
        }
    }

    @Test
    void halvingDoublingOnFourWorkersByHand() {
        // One 8-bit tensor, chunk 8, N = 4 (bits b1 b0 of the worker pick halves):
        // RS round 0 (partner w^2): w keeps [0,4) if bit1 = 0 else [4,8), sends the other 4 bits.
        // RS round 1 (partner w^1): sends 2 bits. AG round 0 (partner w^1): sends its 2 reduced bits.
        // AG round 1 (partner w^2): sends 4 bits. Total per worker 4+2+2+4 = 12 = 2(N−1)/N · 8.
        Workload w = workload(8);
        ScriptedFabric f = run(new HalvingDoublingAllReduce(4, w, 8), 4, w, 7);
        assertThat(f.bitsSent).containsExactly(12, 12, 12, 12);
        assertThat(f.bitsReceived).containsExactly(12, 12, 12, 12);
    }

    @Property(tries = 40)
    void treeSendsEveryHalfUpAndDownOnce(@ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll("tensorSizes") long[] sizes, @ForAll @LongRange(min = 1, max = 150) long chunk,
            @ForAll long seed) {
        Workload w = workload(sizes);
        ScriptedFabric f = run(new DoubleBinaryTreeAllReduce(n, w, chunk), n, w, seed);
        assertThat(total(f.bitsSent)).isEqualTo(2L * (n - 1) * w.totalBits());
    }

    @Property(tries = 40)
    void hierarchicalMovesEveryChunkTwoNMinusOneTimes(@ForAll @IntRange(min = 1, max = 4) int racks,
            @ForAll @IntRange(min = 1, max = 4) int perRack, @ForAll("tensorSizes") long[] sizes,
            @ForAll @LongRange(min = 1, max = 150) long chunk, @ForAll long seed) {
        int n = racks * perRack;
        List<int[]> groups = new ArrayList<>();
        for (int g = 0; g < racks; g++) {
            int[] members = new int[perRack];
            for (int i = 0; i < perRack; i++) {
                members[i] = g * perRack + i;
            }
            groups.add(members);
        }
        Workload w = workload(sizes);
        ScriptedFabric f = run(new HierarchicalAllReduce(n, w, chunk, groups), n, w, seed);
        // chains move each chunk k−1 times up and k−1 down per rack, the leader ring 2(R−1): 2(N−1) in all
        assertThat(total(f.bitsSent)).isEqualTo(2L * (n - 1) * w.totalBits());
    }

    @Property(tries = 40)
    void switchMlDeliversEveryPacketAndNeverOverfillsItsSlots(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll("tensorSizes") long[] sizes, @ForAll @LongRange(min = 1, max = 60) long mtu,
            @ForAll @IntRange(min = 1, max = 6) int slots, @ForAll long seed) {
        Workload w = workload(sizes);
        SwitchMlAllReduce protocol = new SwitchMlAllReduce(n, w, mtu, slots);
        ScriptedFabric f = run(protocol, n, w, seed);
        for (int worker = 0; worker < n; worker++) {
            if (n > 1) {
                assertThat(f.bitsSent[worker]).isEqualTo(w.totalBits());
                assertThat(f.bitsReceived[worker]).isEqualTo(w.totalBits());
            }
        }
        assertThat(protocol.mostSlotsInUse()).isLessThanOrEqualTo(slots);
        if (n > 1 && protocol.packetCount() >= slots) {
            assertThat(protocol.mostSlotsInUse()).isPositive();
        }
    }

    @Property(tries = 40)
    void switchMlAcrossRacksAggregatesInTorsThenAtTheRoot(@ForAll @IntRange(min = 1, max = 4) int racks,
            @ForAll @IntRange(min = 1, max = 3) int perRack, @ForAll("tensorSizes") long[] sizes,
            @ForAll @LongRange(min = 1, max = 60) long mtu, @ForAll @IntRange(min = 1, max = 6) int slots,
            @ForAll long seed) {
        int n = racks * perRack;
        int[] rackOf = new int[n];
        for (int w = 0; w < n; w++) {
            rackOf[w] = w % racks;
        }
        Workload w = workload(sizes);
        SwitchMlAllReduce protocol = new SwitchMlAllReduce(n, w, mtu, slots, rackOf);
        ScriptedFabric f = run(protocol, n, w, seed, rackOf);
        if (n > 1) {
            assertThat(f.bitsReceived).containsOnly(w.totalBits());
        }
        assertThat(protocol.mostSlotsInUse()).isLessThanOrEqualTo(slots);
    }

    @Test
    void switchMlPacketsFollowBackpropOrder() {
        // tensor 0: 25 bits → 3 packets at MTU 10; tensor 1: 10 bits → 1 packet; emitted tensor 1 first.
        SwitchMlAllReduce p = new SwitchMlAllReduce(2, workload(25, 10), 10, 2);
        assertThat(p.packetCount()).isEqualTo(4);
    }

    @Test
    void withheldGradientBlocksEveryWorker() {
        // Worker 2 never produces tensor 0: nobody may finish, in any protocol.
        Workload w = workload(100, 50);
        List<BiFunction<Integer, Workload, AllReduceProtocol>> protocols = List.of(
                (n, wl) -> new RingAllReduce(n, wl, 30, false),
                (n, wl) -> new RingAllReduce(n, wl, 30, true),
                (n, wl) -> new ButterflyAllReduce(n, wl, 30),
                (n, wl) -> new HalvingDoublingAllReduce(n, wl, 30),
                (n, wl) -> new DoubleBinaryTreeAllReduce(n, wl, 30),
                (n, wl) -> new HierarchicalAllReduce(n, wl, 30, List.of(new int[] {0, 1}, new int[] {2, 3})),
                (n, wl) -> new SwitchMlAllReduce(n, wl, 10, 3));
        for (BiFunction<Integer, Workload, AllReduceProtocol> make : protocols) {
            AllReduceProtocol p = make.apply(4, w);
            ScriptedFabric f = new ScriptedFabric(p, 4, 2, 11);
            List<int[]> gradients = new ArrayList<>(ScriptedFabric.allGradients(4, List.of(1, 0), 5));
            gradients.removeIf(g -> g[0] == 2 && g[1] == 0);
            f.run(gradients);
            assertThat(f.finishOrder).as(p.getClass().getSimpleName()).isEmpty();
            f.run(List.<int[]>of(new int[] {2, 0}));
            assertThat(p.finished()).as(p.getClass().getSimpleName()).isTrue();
        }
    }

    @Test
    void powerOfTwoAlgorithmsRejectSixWorkers() {
        Workload w = workload(100);
        assertThatThrownBy(() -> new ButterflyAllReduce(6, w, 10)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("butterfly needs a power-of-two number of workers, got 6")
                .hasMessageContaining("4 or 8");
        assertThatThrownBy(() -> new HalvingDoublingAllReduce(6, w, 10)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("power-of-two");
    }
}
