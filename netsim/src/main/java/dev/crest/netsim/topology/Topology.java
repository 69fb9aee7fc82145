package dev.crest.netsim.topology;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An immutable physical network: nodes with roles, directed links with a rate and a latency, and deterministic
 * shortest-path routing with ECMP chosen by a seeded hash of (source, destination, flow). Hosts are grouped into
 * racks (one per ToR/edge/leaf switch). Built by a {@link TopologyBuilder}; node and link ids are dense indices.
 */
public final class Topology {
    private final String name;
    private final NodeKind[] kinds;
    private final String[] nodeNames;
    private final int[] rackOfNode;
    private final int[] torOfRack;
    private final int[] workerNodes;
    private final int[] parameterServerNodes;
    private final int[] linkFrom;
    private final int[] linkTo;
    private final double[] linkRate;
    private final double[] linkLatency;
    private final int[] outStart;
    private final int[] outLinks;

    Topology(String name, NodeKind[] kinds, String[] nodeNames, int[] rackOfNode, int[] torOfRack, int[] workerNodes,
            int[] parameterServerNodes, int[] linkFrom, int[] linkTo, double[] linkRate, double[] linkLatency) {
        this.name = name;
        this.kinds = kinds;
        this.nodeNames = nodeNames;
        this.rackOfNode = rackOfNode;
        this.torOfRack = torOfRack;
        this.workerNodes = workerNodes;
        this.parameterServerNodes = parameterServerNodes;
        this.linkFrom = linkFrom;
        this.linkTo = linkTo;
        this.linkRate = linkRate;
        this.linkLatency = linkLatency;
        // Outgoing links per node in link-id order, so routing choices are stable.
        int nodes = kinds.length;
        outStart = new int[nodes + 1];
        for (int from : linkFrom) {
            outStart[from + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            outStart[n + 1] += outStart[n];
        }
        outLinks = new int[linkFrom.length];
        int[] fill = Arrays.copyOf(outStart, nodes);
        for (int l = 0; l < linkFrom.length; l++) {
            outLinks[fill[linkFrom[l]]++] = l;
        }
    }

    /** The builder name this topology came from, e.g. {@code single-rack}. */
    public String name() {
        return name;
    }

    public int nodeCount() {
        return kinds.length;
    }

    public int linkCount() {
        return linkFrom.length;
    }

    public NodeKind kind(int node) {
        return kinds[node];
    }

    /** A readable node name for reports, e.g. {@code worker3}, {@code ps0}, {@code tor1}, {@code spine0}. */
    public String nodeName(int node) {
        return nodeNames[node];
    }

    public int workerCount() {
        return workerNodes.length;
    }

    /** The node id of worker {@code worker} (workers are numbered 0..N-1). */
    public int workerNode(int worker) {
        return workerNodes[worker];
    }

    public int parameterServerCount() {
        return parameterServerNodes.length;
    }

    /** The node id of parameter-server shard {@code shard}. */
    public int parameterServerNode(int shard) {
        return parameterServerNodes[shard];
    }

    public int rackCount() {
        return torOfRack.length;
    }

    /** The rack of a host or ToR node, or -1 for switches above the racks. */
    public int rackOf(int node) {
        return rackOfNode[node];
    }

    /** The ToR (edge, leaf) switch of a rack. */
    public int torNode(int rack) {
        return torOfRack[rack];
    }

    public int linkFrom(int link) {
        return linkFrom[link];
    }

    public int linkTo(int link) {
        return linkTo[link];
    }

    /** Link rate in bits per second. */
    public double linkRate(int link) {
        return linkRate[link];
    }

    /** Propagation latency of the link in seconds. */
    public double linkLatency(int link) {
        return linkLatency[link];
    }

    /** The outgoing links of a node, in link-id order. */
    public int[] outgoingLinks(int node) {
        return Arrays.copyOfRange(outLinks, outStart[node], outStart[node + 1]);
    }

    /** The link from {@code from} to {@code to}, or -1 when they are not adjacent. */
    public int linkBetween(int from, int to) {
        for (int i = outStart[from]; i < outStart[from + 1]; i++) {
            if (linkTo[outLinks[i]] == to) {
                return outLinks[i];
            }
        }
        return -1;
    }

    /** Hop counts from every node to {@code destination} (-1 when unreachable), by breadth-first search. */
    public int[] distancesTo(int destination) {
        // Search backwards over incoming links; build them on the fly from the link arrays.
        int nodes = kinds.length;
        int[] inStart = new int[nodes + 1];
        for (int to : linkTo) {
            inStart[to + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            inStart[n + 1] += inStart[n];
        }
        int[] inLinks = new int[linkTo.length];
        int[] fill = Arrays.copyOf(inStart, nodes);
        for (int l = 0; l < linkTo.length; l++) {
            inLinks[fill[linkTo[l]]++] = l;
        }
        int[] distance = new int[nodes];
        Arrays.fill(distance, -1);
        distance[destination] = 0;
        ArrayDeque<Integer> frontier = new ArrayDeque<>();
        frontier.add(destination);
        while (!frontier.isEmpty()) {
            int node = frontier.poll();
            for (int i = inStart[node]; i < inStart[node + 1]; i++) {
                int from = linkFrom[inLinks[i]];
                // Hosts never forward traffic, so paths may only pass through switches.
                if (distance[from] < 0 && (kinds[node].isSwitch() || node == destination)) {
                    distance[from] = distance[node] + 1;
                    frontier.add(from);
                }
            }
        }
        return distance;
    }

    /**
     * A shortest path from {@code source} to {@code destination} as link ids, given the destination's distance
     * table from {@link #distancesTo}. Among equal-cost next hops the choice is a hash of (source, destination,
     * flow, hop, seed), so a flow always takes the same path and different flows spread over the fabric.
     */
    public int[] route(int source, int destination, int flow, long seed, int[] distancesToDestination) {
        if (source == destination) {
            return new int[0];
        }
        int length = distancesToDestination[source];
        if (length < 0) {
            throw new IllegalStateException("no path from " + nodeNames[source] + " to " + nodeNames[destination]);
        }
        int[] path = new int[length];
        int node = source;
        for (int hop = 0; hop < length; hop++) {
            int candidates = 0;
            for (int i = outStart[node]; i < outStart[node + 1]; i++) {
                int to = linkTo[outLinks[i]];
                if (distancesToDestination[to] == length - hop - 1) {
                    candidates++;
                }
            }
            int pick = candidates == 1 ? 0
                    : (int) Long.remainderUnsigned(mix(seed, source, destination, flow, hop), candidates);
            for (int i = outStart[node]; i < outStart[node + 1]; i++) {
                int link = outLinks[i];
                if (distancesToDestination[linkTo[link]] == length - hop - 1 && pick-- == 0) {
                    path[hop] = link;
                    node = linkTo[link];
                    break;
                }
            }
        }
        return path;
    }

    /** Convenience form of {@link #route(int, int, int, long, int[])} that computes the distance table itself. */
    public int[] route(int source, int destination, int flow, long seed) {
        return route(source, destination, flow, seed, distancesTo(destination));
    }

    private static long mix(long seed, int source, int destination, int flow, int hop) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        h = splitMix(h + source);
        h = splitMix(h + destination);
        h = splitMix(h + flow);
        return splitMix(h + hop);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
