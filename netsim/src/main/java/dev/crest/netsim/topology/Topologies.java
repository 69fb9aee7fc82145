package dev.crest.netsim.topology;

import dev.crest.netsim.NetsimException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of topology builders by name. */
public final class Topologies {
    public static final String SINGLE_RACK = "single-rack";
    public static final String RACKS = "racks";
    public static final String FAT_TREE = "fat-tree";
    public static final String LEAF_SPINE = "leaf-spine";

    private static final Map<String, TopologyBuilder> BUILDERS = builders();

    private Topologies() {
    }

    /** Registered names in a stable order. */
    public static List<String> names() {
        return List.copyOf(BUILDERS.keySet());
    }

    /** The builder registered under {@code name}. */
    public static TopologyBuilder builder(String name) {
        TopologyBuilder builder = BUILDERS.get(name);
        if (builder == null) {
            throw new NetsimException("unknown topology '" + name + "'; choose one of " + names());
        }
        return builder;
    }

    /** Builds the topology {@code spec} names for the given hosts and rates. */
    public static Topology build(TopologySpec spec, int workers, int parameterServers, LinkRates rates) {
        if (workers < 1) {
            throw new NetsimException("a topology needs at least one worker, got " + workers);
        }
        if (parameterServers < 0) {
            throw new NetsimException("parameter-server count must be non-negative, got " + parameterServers);
        }
        return builder(spec.name()).build(workers, parameterServers, spec, rates);
    }

    private static Map<String, TopologyBuilder> builders() {
        Map<String, TopologyBuilder> map = new LinkedHashMap<>();
        map.put(SINGLE_RACK, new SingleRackTopology());
        map.put(RACKS, new RackTopology());
        map.put(FAT_TREE, new FatTreeTopology());
        map.put(LEAF_SPINE, new LeafSpineTopology());
        return Collections.unmodifiableMap(map);
    }
}
