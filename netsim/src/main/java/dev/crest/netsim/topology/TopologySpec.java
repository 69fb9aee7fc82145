package dev.crest.netsim.topology;

import dev.crest.netsim.NetsimException;
import java.util.List;

/**
 * Which topology to build and its layout parameters; host counts and link rates come from the simulation
 * settings. Each field is used only by the builders that say so; the factory methods set sensible values.
 *
 * @param name the {@link Topologies} name: {@code single-rack}, {@code racks}, {@code fat-tree}, {@code leaf-spine}
 * @param rackSizes {@code racks}: workers per rack (must sum to the worker count); empty means split the workers
 *     evenly over {@code racks} racks
 * @param racks {@code racks}: number of worker racks when {@code rackSizes} is empty
 * @param spines {@code racks} and {@code leaf-spine}: number of spine switches
 * @param fatTreeK {@code fat-tree}: the (even) k; 0 picks the smallest k whose k³/4 hosts fit all hosts
 * @param hostsPerLeaf {@code leaf-spine}: hosts under each leaf switch
 * @param oversubscription {@code leaf-spine}: leaf downlink capacity over uplink capacity (1 = non-blocking)
 */
public record TopologySpec(String name, List<Integer> rackSizes, int racks, int spines, int fatTreeK,
        int hostsPerLeaf, double oversubscription) {
    public TopologySpec {
        if (name == null || name.isBlank()) {
            throw new NetsimException("a topology needs a name, one of " + Topologies.names());
        }
        rackSizes = List.copyOf(rackSizes);
        for (int size : rackSizes) {
            if (size <= 0) {
                throw new NetsimException("every rack needs at least one worker, got rack sizes " + rackSizes);
            }
        }
        if (racks < 0 || spines < 0 || fatTreeK < 0 || hostsPerLeaf < 0) {
            throw new NetsimException("topology counts must be non-negative (racks " + racks + ", spines " + spines
                    + ", k " + fatTreeK + ", hosts per leaf " + hostsPerLeaf + ")");
        }
        if (!(oversubscription >= 1) || Double.isInfinite(oversubscription)) {
            throw new NetsimException("oversubscription ratio must be a finite number >= 1, got " + oversubscription);
        }
    }

    /** All workers and parameter servers under one ToR switch (the reference study's setting). */
    public static TopologySpec singleRack() {
        return new TopologySpec(Topologies.SINGLE_RACK, List.of(), 1, 0, 0, 0, 1);
    }

    /**
     * Racks holding the given numbers of workers, every ToR cabled to each of {@code spines} spine switches; the
     * parameter servers sit in one extra rack of their own.
     */
    public static TopologySpec racks(List<Integer> workersPerRack, int spines) {
        return new TopologySpec(Topologies.RACKS, workersPerRack, workersPerRack.size(), spines, 0, 0, 1);
    }

    /** Like {@link #racks(List, int)} with the workers split as evenly as possible over {@code rackCount} racks. */
    public static TopologySpec evenRacks(int rackCount, int spines) {
        return new TopologySpec(Topologies.RACKS, List.of(), rackCount, spines, 0, 0, 1);
    }

    /** A k-ary fat-tree (k pods of k/2 edge and k/2 aggregation switches, (k/2)² cores); k = 0 picks it. */
    public static TopologySpec fatTree(int k) {
        return new TopologySpec(Topologies.FAT_TREE, List.of(), 0, 0, k, 0, 1);
    }

    /** Leaves of {@code hostsPerLeaf} hosts, each cabled to every spine, uplinks sized for the ratio. */
    public static TopologySpec leafSpine(int hostsPerLeaf, int spines, double oversubscription) {
        return new TopologySpec(Topologies.LEAF_SPINE, List.of(), 0, spines, 0, hostsPerLeaf, oversubscription);
    }
}
