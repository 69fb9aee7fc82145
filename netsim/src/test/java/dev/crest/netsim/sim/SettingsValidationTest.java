package dev.crest.netsim.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.Topologies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad settings fail at construction with a {@link NetsimException} naming the problem. */
class SettingsValidationTest {
    private static final SimulationSettings DEFAULTS = SimulationSettings.defaults();
    private static final Workload TWO = new Workload("two", List.of(new TensorSpec("a", 1000), new TensorSpec("b", 1000)),
            0, List.of(new GradientEmission(1, 0), new GradientEmission(0, 0)));

    @Test
    void ratesMustBePositive() {
        assertThatThrownBy(() -> DEFAULTS.withBandwidth(0)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("worker bandwidth must be a positive number of bits per second, got 0");
        assertThatThrownBy(() -> DEFAULTS.withBandwidth(-25e9)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("worker bandwidth");
        assertThatThrownBy(() -> DEFAULTS.withTorRate(0)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("ToR rate");
        assertThatThrownBy(() -> DEFAULTS.withSpineRate(Double.NaN)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("spine rate");
        assertThatThrownBy(() -> DEFAULTS.withParameterServerBandwidth(-1)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("parameter-server bandwidth");
        assertThatThrownBy(() -> DEFAULTS.withBandwidth(Double.POSITIVE_INFINITY)).isInstanceOf(NetsimException.class);
    }

    @Test
    void countsSizesAndFactorsMustBeSensible() {
        assertThatThrownBy(() -> DEFAULTS.withWorkers(0)).isInstanceOf(NetsimException.class)
                .hasMessage("need at least one worker, got 0");
        assertThatThrownBy(() -> DEFAULTS.withParameterServers(0)).isInstanceOf(NetsimException.class)
                .hasMessage("need at least one parameter server, got 0");
        assertThatThrownBy(() -> DEFAULTS.withLatency(-1e-6)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("latency must be finite and non-negative");
        assertThatThrownBy(() -> DEFAULTS.withMtu(0)).isInstanceOf(NetsimException.class)
                .hasMessage("MTU must be a positive number of bits, got 0");
        assertThatThrownBy(() -> DEFAULTS.withComputeSpeedup(0)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("compute speed-up");
        assertThatThrownBy(() -> DEFAULTS.withChunkBits(-5)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("chunk size");
        assertThatThrownBy(() -> DEFAULTS.withBuffers(-1, 1e-3)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("switch buffer must be a non-negative number of packets (0 = unlimited)");
        assertThatThrownBy(() -> DEFAULTS.withBuffers(4, 0)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("retransmission timeout must be a positive finite number of seconds, got 0");
    }

    @Test
    void shardingMustFitTheModelAndTheServers() {
        SimulationSettings wrongLength = DEFAULTS.withParameterServers(2).withSharding(Sharding.given(List.of(0)));
        assertThatThrownBy(() -> Simulation.of(TWO, TopologySpec.singleRack(), Strategies.byName("ps"), wrongLength))
                .isInstanceOf(NetsimException.class)
                .hasMessageContaining("names 1 PS indices but model 'two' has 2 tensors");
        SimulationSettings outOfRange = DEFAULTS.withParameterServers(2).withSharding(Sharding.given(List.of(0, 2)));
        assertThatThrownBy(() -> Simulation.of(TWO, TopologySpec.singleRack(), Strategies.byName("ps"), outOfRange))
                .isInstanceOf(NetsimException.class)
                .hasMessageContaining("tensor 'b' is assigned to PS 2 but there are only 2 parameter servers");
        assertThatThrownBy(() -> Sharding.given(List.of(0, -1))).isInstanceOf(NetsimException.class);
    }

    @Test
    void unknownNamesListTheChoices() {
        assertThatThrownBy(() -> Strategies.byName("ring-of-fire")).isInstanceOf(NetsimException.class)
                .hasMessageContaining("unknown strategy 'ring-of-fire'; choose one of ps, ");
        assertThatThrownBy(() -> Topologies.builder("torus")).isInstanceOf(NetsimException.class)
                .hasMessageContaining("unknown topology 'torus'; choose one of [single-rack, racks, fat-tree, leaf-spine]");
    }

    @Test
    void impossibleTopologiesAreRejected() {
        assertThatThrownBy(() -> Simulation.of(TWO, TopologySpec.fatTree(4), Strategies.byName("ps"),
                DEFAULTS.withWorkers(16))).isInstanceOf(NetsimException.class)
                .hasMessage("a fat-tree with k=4 holds 16 hosts but the run needs 17; use k=6 or more");
        assertThatThrownBy(() -> Simulation.of(TWO, TopologySpec.fatTree(3), Strategies.byName("ps"), DEFAULTS))
                .isInstanceOf(NetsimException.class).hasMessageContaining("fat-tree k must be an even number");
        assertThatThrownBy(() -> Simulation.of(TWO, TopologySpec.racks(List.of(3, 3), 1), Strategies.byName("ps"),
                DEFAULTS.withWorkers(8))).isInstanceOf(NetsimException.class)
                .hasMessageContaining("rack sizes [3, 3] hold 6 workers but the run has 8");
        assertThatThrownBy(() -> TopologySpec.leafSpine(4, 2, 0.5)).isInstanceOf(NetsimException.class)
                .hasMessageContaining("oversubscription ratio must be a finite number >= 1");
        assertThatThrownBy(() -> Simulation.of(TWO, TopologySpec.racks(List.of(4, 4), 0), Strategies.byName("ps"),
                DEFAULTS)).isInstanceOf(NetsimException.class).hasMessageContaining("at least one spine");
    }
}
