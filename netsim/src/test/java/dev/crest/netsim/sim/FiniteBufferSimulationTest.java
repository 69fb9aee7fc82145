package dev.crest.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite switch buffers: a buffer nothing overflows changes nothing; a tiny one drops, resends and still ends. */
class FiniteBufferSimulationTest {
    @ParameterizedTest
    @ValueSource(strings = {"ps", "ps+multicast", "ps+agg", "ps+agg+multicast"})
    void buffersOnlyMatterWhenTheyOverflow(String strategy) {
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(6).withBandwidth(10e9)
                .withMtu(10_000_000).withBusiestLinks(1000);
        Result unlimited = run(strategy, settings);
        Result roomy = run(strategy, settings.withBuffers(1_000_000, 1e-3));
        Result tight = run(strategy, settings.withBuffers(2, 1e-3));

        assertThat(roomy.iterationSeconds()).isEqualTo(unlimited.iterationSeconds());
        assertThat(roomy.droppedPackets()).isZero();
        assertThat(unlimited.droppedPackets()).isZero();
        if (strategy.contains("agg")) {
            // Aggregation sends every message one hop at a time, so no switch ever forwards a packet: nothing drops.
            assertThat(tight.droppedPackets()).isZero();
        } else {
            // Six workers' gradients meet on the ToR→PS link: a two-packet queue must overflow. Resent packets cross
            // the network again, yet the bottleneck link stays busy throughout, so the iteration cannot be shorter.
            assertThat(tight.droppedPackets()).isPositive();
            assertThat(totalBits(tight)).isGreaterThan(totalBits(unlimited));
            assertThat(tight.iterationSeconds()).isGreaterThanOrEqualTo(unlimited.iterationSeconds());
        }
    }

    private static long totalBits(Result result) {
        return result.busiestLinks().stream().mapToLong(LinkLoad::bits).sum();
    }

    private static Result run(String strategy, SimulationSettings settings) {
        return Simulation.of(ToyModelTest.toy(), TopologySpec.singleRack(), Strategies.byName(strategy), settings).run();
    }
}
