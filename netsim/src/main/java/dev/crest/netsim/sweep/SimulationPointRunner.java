package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.workload.Workload;
import dev.crest.netsim.workload.Workloads;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs sweep points on the simulator. Every workload of the grid is resolved once, up front, so an unknown model or
 * a malformed trace stops the sweep before any run; a point whose combination cannot be simulated (butterfly at
 * a worker count that is not a power of two, a topology too small for the hosts) becomes a skipped row.
 */
public final class SimulationPointRunner implements PointRunner {
    private final Map<List<String>, Workload> workloads;

    private SimulationPointRunner(Map<List<String>, Workload> workloads) {
        this.workloads = Map.copyOf(workloads);
    }

    /**
     * The grid of a sweep over {@link NetsimSetting}s: one axis per sweepable setting in declaration order, with
     * the given canonical values or the default.
     */
    public static SweepGrid grid(Map<NetsimSetting, List<String>> axes) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (NetsimSetting s : NetsimSetting.values()) {
            if (s.isSweepAxis()) {
                columns.put(s.key(), axes.getOrDefault(s, List.of(s.defaultText())));
            }
        }
        return new SweepGrid(columns);
    }

    /** Validates every point's settings and resolves every workload of {@code grid}. */
    public static SimulationPointRunner prepare(SweepGrid grid) {
        Map<List<String>, Workload> workloads = new HashMap<>();
        for (SweepPoint point : grid.expand()) {
            RunSpec spec = spec(point, 0);
            workloads.computeIfAbsent(spec.workloadKey(), k -> Workloads.resolve(spec.model(), spec.workloadSettings()));
        }
        return new SimulationPointRunner(workloads);
    }

    @Override
    public RunOutcome run(SweepPoint point, long seed) {
        RunSpec spec = spec(point, seed);
        Simulation simulation;
        try {
            simulation = Simulation.of(workloads.get(spec.workloadKey()), spec.topology(), spec.newStrategy(),
                    spec.settings());
        } catch (NetsimException cannotRun) {
            return RunOutcome.skipped(seed, cannotRun.getMessage());
        }
        return RunOutcome.finished(seed, RunMeasures.of(simulation.run()));
    }

    private static RunSpec spec(SweepPoint point, long seed) {
        Map<NetsimSetting, String> values = new EnumMap<>(NetsimSetting.class);
        point.parameters().forEach((key, value) -> values.put(NetsimSetting.byKey(key), value));
        values.put(NetsimSetting.SEED, Long.toString(seed));
        return RunSpec.of(values);
    }
}
