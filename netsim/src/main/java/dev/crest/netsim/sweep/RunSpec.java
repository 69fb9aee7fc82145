package dev.crest.netsim.sweep;

import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.strategy.Strategy;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.WorkloadSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One simulation fully specified by {@link NetsimSetting} values: the workload to resolve, its compute settings,
 * the strategy, the topology and the network settings. Settings not given take their documented defaults.
 *
 * @param values the canonical value of every setting
 * @param model the workload spec (zoo name or file)
 * @param workloadSettings how the workload's FLOPs become seconds
 * @param strategy the strategy name
 * @param topology the topology layout
 * @param settings the simulation settings
 */
public record RunSpec(Map<NetsimSetting, String> values, String model, WorkloadSettings workloadSettings,
        String strategy, TopologySpec topology, SimulationSettings settings) {
    public RunSpec {
        values = Map.copyOf(values);
    }

    /** Builds the settings from canonical or user texts; missing settings take their defaults. */
    public static RunSpec of(Map<NetsimSetting, String> given) {
        Map<NetsimSetting, String> v = new EnumMap<>(NetsimSetting.class);
        for (NetsimSetting s : NetsimSetting.values()) {
            String text = given.get(s);
            v.put(s, text == null ? s.defaultText() : s.canonical(text));
        }
        WorkloadSettings workload = WorkloadSettings.defaults()
                .withBatchSize(Integer.parseInt(v.get(NetsimSetting.BATCH_SIZE)))
                .withBackwardToForwardRatio(Double.parseDouble(v.get(NetsimSetting.BACKWARD_RATIO)));
        if (!v.get(NetsimSetting.DEVICE_FLOPS).equals("calibrated")) {
            workload = workload.withDeviceFlopsPerSecond(Double.parseDouble(v.get(NetsimSetting.DEVICE_FLOPS)));
        }
        if (!v.get(NetsimSetting.FORWARD_TIME).equals("model")) {
            workload = workload.withForwardSeconds(
                    QuantityFormat.parseSeconds("forward time", v.get(NetsimSetting.FORWARD_TIME)));
        }
        double bandwidth = RateFormat.parse(v.get(NetsimSetting.BANDWIDTH));
        SimulationSettings settings = SimulationSettings.defaults()
                .withWorkers(Integer.parseInt(v.get(NetsimSetting.WORKERS)))
                .withParameterServers(Integer.parseInt(v.get(NetsimSetting.PARAMETER_SERVERS)))
                .withBandwidth(bandwidth)
                .withTorRate(RateFormat.parse(v.get(NetsimSetting.TOR_RATE)))
                .withSpineRate(RateFormat.parse(v.get(NetsimSetting.SPINE_RATE)))
                .withLatency(QuantityFormat.parseSeconds("latency", v.get(NetsimSetting.LATENCY)))
                .withMtu(Long.parseLong(v.get(NetsimSetting.MTU)))
                .withChunkBits(Long.parseLong(v.get(NetsimSetting.CHUNK)))
                .withComputeSpeedup(Double.parseDouble(v.get(NetsimSetting.COMPUTE_SPEEDUP)))
                .withStriped(Boolean.parseBoolean(v.get(NetsimSetting.STRIPED)))
                .withLatencyOccupiesLink(Boolean.parseBoolean(v.get(NetsimSetting.LATENCY_OCCUPIES_LINK)))
                .withBuffers(Integer.parseInt(v.get(NetsimSetting.BUFFER)),
                        QuantityFormat.parseSeconds("retransmit timeout", v.get(NetsimSetting.RETRANSMIT_TIMEOUT)))
                .withSeed(Long.parseLong(v.get(NetsimSetting.SEED)));
        if (!v.get(NetsimSetting.PS_BANDWIDTH).equals("same")) {
            settings = settings.withParameterServerBandwidth(RateFormat.parse(v.get(NetsimSetting.PS_BANDWIDTH)));
        }
        List<Integer> rackSizes = new ArrayList<>();
        if (!v.get(NetsimSetting.RACK_SIZES).equals("even")) {
            for (String size : v.get(NetsimSetting.RACK_SIZES).split("\\+")) {
                rackSizes.add(Integer.parseInt(size));
            }
        }
        TopologySpec topology = new TopologySpec(v.get(NetsimSetting.TOPOLOGY), rackSizes,
                rackSizes.isEmpty() ? Integer.parseInt(v.get(NetsimSetting.RACKS)) : rackSizes.size(),
                Integer.parseInt(v.get(NetsimSetting.SPINES)), Integer.parseInt(v.get(NetsimSetting.FAT_TREE_K)),
                Integer.parseInt(v.get(NetsimSetting.HOSTS_PER_LEAF)),
                Double.parseDouble(v.get(NetsimSetting.OVERSUBSCRIPTION)));
        return new RunSpec(v, v.get(NetsimSetting.MODEL), workload, v.get(NetsimSetting.STRATEGY), topology, settings);
    }

    /** A fresh instance of the strategy. */
    public Strategy newStrategy() {
        return Strategies.byName(strategy);
    }

    /** The same run under another strategy (used to compare every strategy at one point). */
    public RunSpec withStrategy(String name) {
        Map<NetsimSetting, String> v = new EnumMap<>(values);
        v.put(NetsimSetting.STRATEGY, name);
        return of(v);
    }

    /** The settings that decide the workload (model and compute), as a cache key. */
    public List<String> workloadKey() {
        return List.of(values.get(NetsimSetting.MODEL), values.get(NetsimSetting.BATCH_SIZE),
                values.get(NetsimSetting.BACKWARD_RATIO), values.get(NetsimSetting.DEVICE_FLOPS),
                values.get(NetsimSetting.FORWARD_TIME));
    }
}
