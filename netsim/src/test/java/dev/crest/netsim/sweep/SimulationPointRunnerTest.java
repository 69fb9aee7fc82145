package dev.crest.netsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.Result;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.TensorSpec;
import dev.crest.netsim.workload.Workload;
import dev.crest.netsim.workload.WorkloadSettings;
import dev.crest.netsim.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationPointRunnerTest {
    @TempDir
    Path tmp;

    private Path trace() throws IOException {
        Path trace = tmp.resolve("t.csv");
        Files.writeString(trace, "# forward_seconds=0.01\ntime_s,size_bits,tensor\n0.0,1000000,a\n0.002,3000000,b\n");
        return trace;
    }

    @Test
    void aPointRunsWithItsSettingsAndTheGivenSeed() throws IOException {
        Map<NetsimSetting, List<String>> axes = new EnumMap<>(NetsimSetting.class);
        axes.put(NetsimSetting.MODEL, List.of(trace().toString()));
        axes.put(NetsimSetting.WORKERS, List.of("3"));
        axes.put(NetsimSetting.BANDWIDTH, List.of("10G"));
        axes.put(NetsimSetting.STRATEGY, List.of("ps+multicast"));
        SweepGrid grid = SimulationPointRunner.grid(axes);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.parameterNames()).doesNotContain("seed").contains("model", "workers", "mtu", "topology");
        RunOutcome outcome = SimulationPointRunner.prepare(grid).run(grid.expand().get(0), 99);

        Workload w = Workloads.resolve(trace().toString(), WorkloadSettings.defaults());
        Result expected = Simulation.of(w, TopologySpec.singleRack(), Strategies.byName("ps+multicast"),
                SimulationSettings.defaults().withWorkers(3).withBandwidth(10e9).withSeed(99)).run();
        assertThat(outcome.isSkipped()).isFalse();
        assertThat(outcome.seed()).isEqualTo(99);
        assertThat(outcome.measures().get(RunMeasures.ITERATION)).isEqualTo(expected.iterationSeconds());
        assertThat(outcome.measures().keySet()).containsExactlyElementsOf(RunMeasures.COLUMNS);
    }

    @Test
    void aCombinationTheNetworkCannotHoldIsSkippedWithTheReason() throws IOException {
        Map<NetsimSetting, List<String>> axes = new EnumMap<>(NetsimSetting.class);
        axes.put(NetsimSetting.MODEL, List.of(trace().toString()));
        // A k=4 fat-tree has 16 host ports: 16 workers plus the PS do not fit, 8 workers do.
        axes.put(NetsimSetting.TOPOLOGY, List.of("fat-tree"));
        axes.put(NetsimSetting.FAT_TREE_K, List.of("4"));
        axes.put(NetsimSetting.WORKERS, List.of("8", "16"));
        SweepGrid grid = SimulationPointRunner.grid(axes);
        SimulationPointRunner runner = SimulationPointRunner.prepare(grid);
        assertThat(runner.run(grid.expand().get(0), 1).isSkipped()).isFalse();
        RunOutcome skipped = runner.run(grid.expand().get(1), 1);
        assertThat(skipped.isSkipped()).isTrue();
        assertThat(skipped.skipReason()).contains("fat-tree").contains("17");
    }

    @Test
    void unknownModelsAndBrokenTracesStopTheSweepBeforeItStarts() throws IOException {
        Path broken = tmp.resolve("broken.csv");
        Files.writeString(broken, "# forward_seconds=0.01\n0.0,-5,a\n");
        for (String model : new String[] {"lenet-3000", broken.toString()}) {
            Map<NetsimSetting, List<String>> axes = new EnumMap<>(NetsimSetting.class);
            axes.put(NetsimSetting.MODEL, List.of(model));
            SweepGrid grid = SimulationPointRunner.grid(axes);
            assertThatThrownBy(() -> SimulationPointRunner.prepare(grid)).as(model).isInstanceOf(NetsimException.class);
        }
    }

    @Test
    void measuresSummarizeTheResult() {
        Workload w = new Workload("toy", List.of(new TensorSpec("a", 4_000_000)), 0.01,
                List.of(new GradientEmission(0, 0.02)));
        Result r = Simulation.of(w, TopologySpec.singleRack(), Strategies.byName("ps"),
                SimulationSettings.defaults().withWorkers(2)).run();
        Map<String, Double> m = RunMeasures.of(r);
        assertThat(m.get("iteration_s")).isEqualTo(r.iterationSeconds());
        assertThat(m.get("gradient_exchange_s")).isEqualTo(r.breakdown().gradientExchangeSeconds());
        assertThat(m.get("worker_finish_max_s")).isGreaterThanOrEqualTo(m.get("worker_finish_min_s"));
        assertThat(m.get("worker_finish_mean_s")).isBetween(m.get("worker_finish_min_s"), m.get("worker_finish_max_s"));
        assertThat(m.get("events")).isEqualTo((double) r.eventsProcessed());
    }
}
