package dev.crest.netsim.network;

import dev.crest.netsim.topology.Topology;
import java.util.Arrays;
import java.util.List;

/**
 * The links a message travels: a tree of hops rooted at the source (a path for unicast). Each hop is one link;
 * a switch copies every packet that arrives on a hop to all the hop's children, and a hop marked as delivering
 * hands the packet to its end node. Built by {@link Network}; immutable and reusable for many messages.
 */
public final class Route {
    private final int source;
    private final int[] destinations;
    private final int[] hopLink;
    private final boolean[] hopDelivers;
    private final int[] roots;
    private final int[] childStart;
    private final int[] children;
    private final int[] hopParent;
    private final int[] hopDestination;
    private final int[] destinationsBelow;

    /** Hops must be listed parents first; each delivering hop's end node is one of {@code destinations}. */
    private Route(int source, int[] destinations, int[] hopLink, int[] hopParent, boolean[] hopDelivers,
            Topology topology) {
        this.source = source;
        this.destinations = destinations;
        this.hopLink = hopLink;
        this.hopDelivers = hopDelivers;
        this.hopParent = hopParent;
        int hops = hopLink.length;
        childStart = new int[hops + 1];
        int rootCount = 0;
        for (int parent : hopParent) {
            if (parent < 0) {
                rootCount++;
            } else {
                childStart[parent + 1]++;
            }
        }
        for (int h = 0; h < hops; h++) {
            childStart[h + 1] += childStart[h];
        }
        children = new int[hops - rootCount];
        roots = new int[rootCount];
        int[] fill = Arrays.copyOf(childStart, hops);
        int r = 0;
        for (int h = 0; h < hops; h++) {
            if (hopParent[h] < 0) {
                roots[r++] = h;
            } else {
                children[fill[hopParent[h]]++] = h;
            }
        }
        hopDestination = new int[hops];
        destinationsBelow = new int[hops];
        for (int h = 0; h < hops; h++) {
            hopDestination[h] = -1;
            if (hopDelivers[h]) {
                int node = topology.linkTo(hopLink[h]);
                for (int d = 0; d < destinations.length; d++) {
                    if (destinations[d] == node) {
                        hopDestination[h] = d;
                    }
                }
            }
        }
        // Parents precede children, so one backward sweep sums each subtree.
        for (int h = hops - 1; h >= 0; h--) {
            destinationsBelow[h] += hopDelivers[h] ? 1 : 0;
            if (hopParent[h] >= 0) {
                destinationsBelow[hopParent[h]] += destinationsBelow[h];
            }
        }
    }

    /**
     * Merges routed paths from {@code source} into a tree that reaches every node once: each path joins the
     * tree at the last of its nodes the tree already reaches, so no node gets two copies of a packet.
     */
    static Route tree(Topology topology, int source, int[] destinations, List<int[]> paths) {
        int nodes = topology.nodeCount();
        int[] hopReaching = new int[nodes];
        Arrays.fill(hopReaching, -2);
        hopReaching[source] = -1;
        int capacity = 0;
        for (int[] path : paths) {
            capacity += path.length;
        }
        int[] link = new int[capacity];
        int[] parent = new int[capacity];
        int hops = 0;
        for (int[] path : paths) {
            int join = 0;
            for (int i = path.length - 1; i >= 0; i--) {
                if (hopReaching[topology.linkTo(path[i])] != -2) {
                    join = i + 1;
                    break;
                }
            }
            int parentHop = join == 0 ? -1 : hopReaching[topology.linkTo(path[join - 1])];
            for (int i = join; i < path.length; i++) {
                link[hops] = path[i];
                parent[hops] = parentHop;
                hopReaching[topology.linkTo(path[i])] = hops;
                parentHop = hops++;
            }
        }
        boolean[] delivers = new boolean[hops];
        for (int destination : destinations) {
            int hop = hopReaching[destination];
            if (hop < 0) {
                throw new IllegalArgumentException("route from " + topology.nodeName(source) + " cannot deliver to "
                        + topology.nodeName(destination));
            }
            if (delivers[hop]) {
                throw new IllegalArgumentException("destination " + topology.nodeName(destination) + " listed twice");
            }
            delivers[hop] = true;
        }
        return new Route(source, destinations.clone(), Arrays.copyOf(link, hops), Arrays.copyOf(parent, hops),
                delivers, topology);
    }

    /**
     * The part of this route a packet lost on {@code hop} must still travel when its source sends it again: the
     * hops from the source down to {@code hop} (passing without delivering) and everything below {@code hop}.
     */
    Route restrictedTo(int hop, Topology topology) {
        int[] chain = new int[hopLink.length];
        int depth = 0;
        for (int h = hopParent[hop]; h >= 0; h = hopParent[h]) {
            chain[depth++] = h;
        }
        int[] newIndex = new int[hopLink.length];
        Arrays.fill(newIndex, -1);
        int[] link = new int[hopLink.length];
        int[] parent = new int[hopLink.length];
        boolean[] delivers = new boolean[hopLink.length];
        int count = 0;
        for (int i = depth - 1; i >= 0; i--) {
            int h = chain[i];
            newIndex[h] = count;
            link[count] = hopLink[h];
            parent[count] = hopParent[h] < 0 ? -1 : newIndex[hopParent[h]];
            count++;
        }
        // Breadth-first below the lost hop keeps parents ahead of children.
        int[] frontier = new int[hopLink.length];
        int head = 0;
        int tail = 0;
        frontier[tail++] = hop;
        int destinationCount = 0;
        int[] destinationNodes = new int[destinations.length];
        while (head < tail) {
            int h = frontier[head++];
            newIndex[h] = count;
            link[count] = hopLink[h];
            parent[count] = hopParent[h] < 0 ? -1 : newIndex[hopParent[h]];
            delivers[count] = hopDelivers[h];
            if (hopDelivers[h]) {
                destinationNodes[destinationCount++] = topology.linkTo(hopLink[h]);
            }
            count++;
            for (int c = childStart[h]; c < childStart[h + 1]; c++) {
                frontier[tail++] = children[c];
            }
        }
        return new Route(source, Arrays.copyOf(destinationNodes, destinationCount), Arrays.copyOf(link, count),
                Arrays.copyOf(parent, count), Arrays.copyOf(delivers, count), topology);
    }

    /** The node messages on this route leave from. */
    public int source() {
        return source;
    }

    /** The nodes that receive a copy. */
    public int[] destinations() {
        return destinations.clone();
    }

    public int destinationCount() {
        return destinations.length;
    }

    /** Number of links in the tree (the copies of each packet sent). */
    public int hopCount() {
        return hopLink.length;
    }

    /** The link of hop {@code hop}. */
    public int link(int hop) {
        return hopLink[hop];
    }

    boolean delivers(int hop) {
        return hopDelivers[hop];
    }

    /** Index into {@link #destinations()} of the node a delivering hop ends at, else -1. */
    int destinationIndex(int hop) {
        return hopDestination[hop];
    }

    /** Index of {@code node} in {@link #destinations()}, or -1. */
    int destinationIndexOf(int node) {
        for (int d = 0; d < destinations.length; d++) {
            if (destinations[d] == node) {
                return d;
            }
        }
        return -1;
    }

    /** Destinations reached through {@code hop}, itself included. */
    int destinationsBelow(int hop) {
        return destinationsBelow[hop];
    }

    int[] roots() {
        return roots;
    }

    int childStart(int hop) {
        return childStart[hop];
    }

    int childEnd(int hop) {
        return childStart[hop + 1];
    }

    int child(int index) {
        return children[index];
    }
}
