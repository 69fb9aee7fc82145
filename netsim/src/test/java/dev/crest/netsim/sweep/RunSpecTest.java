package dev.crest.netsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.WorkloadSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSpecTest {
    @Test
    void noSettingsMeansTheLibraryDefaults() {
        RunSpec spec = RunSpec.of(Map.of());
        assertThat(spec.settings()).isEqualTo(SimulationSettings.defaults());
        assertThat(spec.workloadSettings()).isEqualTo(WorkloadSettings.defaults());
        assertThat(spec.topology().name()).isEqualTo(TopologySpec.singleRack().name());
        assertThat(spec.strategy()).isEqualTo("ps");
    }

    @Test
    void everySettingReachesItsField() {
        Map<NetsimSetting, String> v = new EnumMap<>(NetsimSetting.class);
        v.put(NetsimSetting.MODEL, "ResNet-50");
        v.put(NetsimSetting.WORKERS, "12");
        v.put(NetsimSetting.STRATEGY, "PS+AGG");
        v.put(NetsimSetting.BANDWIDTH, "40Gbps");
        v.put(NetsimSetting.PS_BANDWIDTH, "100G");
        v.put(NetsimSetting.TOR_RATE, "400G");
        v.put(NetsimSetting.SPINE_RATE, "800G");
        v.put(NetsimSetting.LATENCY, "2us");
        v.put(NetsimSetting.MTU, "1500B");
        v.put(NetsimSetting.PARAMETER_SERVERS, "3");
        v.put(NetsimSetting.STRIPED, "yes");
        v.put(NetsimSetting.CHUNK, "8M");
        v.put(NetsimSetting.COMPUTE_SPEEDUP, "2.5");
        v.put(NetsimSetting.TOPOLOGY, "racks");
        v.put(NetsimSetting.RACK_SIZES, "4+8");
        v.put(NetsimSetting.SPINES, "2");
        v.put(NetsimSetting.BATCH_SIZE, "64");
        v.put(NetsimSetting.BACKWARD_RATIO, "3");
        v.put(NetsimSetting.DEVICE_FLOPS, "15T");
        v.put(NetsimSetting.FORWARD_TIME, "176ms");
        v.put(NetsimSetting.SEED, "-7");
        v.put(NetsimSetting.LATENCY_OCCUPIES_LINK, "on");
        v.put(NetsimSetting.BUFFER, "64");
        v.put(NetsimSetting.RETRANSMIT_TIMEOUT, "5ms");
        RunSpec spec = RunSpec.of(v);
        SimulationSettings s = spec.settings();
        assertThat(spec.model()).isEqualTo("resnet50");
        assertThat(spec.strategy()).isEqualTo("ps+agg");
        assertThat(s.workers()).isEqualTo(12);
        assertThat(s.workerBitsPerSecond()).isEqualTo(40e9);
        assertThat(s.parameterServerBitsPerSecond()).isEqualTo(100e9);
        assertThat(s.torBitsPerSecond()).isEqualTo(400e9);
        assertThat(s.spineBitsPerSecond()).isEqualTo(800e9);
        assertThat(s.latencySeconds()).isEqualTo(2e-6);
        assertThat(s.mtuBits()).isEqualTo(12_000);
        assertThat(s.parameterServers()).isEqualTo(3);
        assertThat(s.striped()).isTrue();
        assertThat(s.chunkBits()).isEqualTo(8_000_000);
        assertThat(s.computeSpeedup()).isEqualTo(2.5);
        assertThat(s.seed()).isEqualTo(-7);
        assertThat(s.latencyOccupiesLink()).isTrue();
        assertThat(s.bufferPackets()).isEqualTo(64);
        assertThat(s.retransmitTimeoutSeconds()).isEqualTo(5e-3);
        assertThat(spec.topology().name()).isEqualTo("racks");
        assertThat(spec.topology().rackSizes()).containsExactly(4, 8);
        assertThat(spec.topology().spines()).isEqualTo(2);
        assertThat(spec.workloadSettings().batchSize()).isEqualTo(64);
        assertThat(spec.workloadSettings().backwardToForwardRatio()).isEqualTo(3);
        assertThat(spec.workloadSettings().deviceFlopsPerSecond()).isEqualTo(15e12);
        assertThat(spec.workloadSettings().forwardSeconds().getAsDouble()).isEqualTo(0.176);
    }

    @Test
    void bandwidthAloneSetsWorkersAndParameterServers() {
        SimulationSettings s = RunSpec.of(Map.of(NetsimSetting.BANDWIDTH, "10G")).settings();
        assertThat(s.workerBitsPerSecond()).isEqualTo(10e9);
        assertThat(s.parameterServerBitsPerSecond()).isEqualTo(10e9);
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> RunSpec.of(Map.of(NetsimSetting.TOR_RATE, "0")))
                .isInstanceOf(NetsimException.class).hasMessageStartingWith("--tor-rate: ");
        assertThatThrownBy(() -> RunSpec.of(Map.of(NetsimSetting.STRATEGY, "teleport")))
                .isInstanceOf(NetsimException.class).hasMessageContaining("unknown strategy 'teleport'");
        assertThatThrownBy(() -> RunSpec.of(Map.of(NetsimSetting.TOPOLOGY, "torus")))
                .isInstanceOf(NetsimException.class).hasMessageContaining("unknown topology");
        assertThatThrownBy(() -> RunSpec.of(Map.of(NetsimSetting.STRIPED, "maybe")))
                .isInstanceOf(NetsimException.class).hasMessageContaining("--striped");
        assertThatThrownBy(() -> RunSpec.of(Map.of(NetsimSetting.RACK_SIZES, "4+0")))
                .isInstanceOf(NetsimException.class).hasMessageContaining("rack size");
    }

    @Test
    void axesExpandAllAndCanonicalizeDuplicatesAway() {
        assertThat(NetsimSetting.STRATEGY.axis(List.of("all"))).containsExactlyElementsOf(Strategies.names());
        assertThat(NetsimSetting.BANDWIDTH.axis(List.of("25G,25Gbps,100G"))).containsExactly("25G", "100G");
        assertThat(NetsimSetting.WORKERS.axis(List.of("2,4,8,...,32", "64"))).containsExactly("2", "4", "8", "16", "32",
                "64");
        assertThat(NetsimSetting.byKey("models")).isEqualTo(NetsimSetting.MODEL);
        assertThatThrownBy(() -> NetsimSetting.byKey("bandwith")).hasMessageContaining("unknown setting 'bandwith'");
    }
}
