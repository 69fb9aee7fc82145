package dev.crest.netsim.network;

import dev.crest.netsim.topology.Topology;
import java.util.Arrays;

/**
 * The shape of in-network aggregation from a set of contributors to one destination: the union of the routed
 * paths, in which every switch waits for the contributions of everything below it and then forwards a single
 * aggregated message one hop up. Immutable; {@link Aggregation} holds the per-message counts.
 */
public final class AggregationTree {
    private final int destination;
    private final int[] contributors;
    private final int[] parentLink;
    private final int[] expected;
    private final boolean[] isContributor;

    private AggregationTree(int destination, int[] contributors, int[] parentLink, int[] expected,
            boolean[] isContributor) {
        this.destination = destination;
        this.contributors = contributors;
        this.parentLink = parentLink;
        this.expected = expected;
        this.isContributor = isContributor;
    }

    /** Builds the tree from each contributor's routed path (given as link ids, from contributor to destination). */
    static AggregationTree of(Topology topology, int[] contributors, int destination, int[][] pathsToDestination) {
        int nodes = topology.nodeCount();
        int[] parentLink = new int[nodes];
        Arrays.fill(parentLink, -1);
        int[] expected = new int[nodes];
        boolean[] onTree = new boolean[nodes];
        boolean[] isContributor = new boolean[nodes];
        onTree[destination] = true;
        for (int c = 0; c < contributors.length; c++) {
            int contributor = contributors[c];
            if (isContributor[contributor]) {
                throw new IllegalArgumentException("contributor " + topology.nodeName(contributor) + " listed twice");
            }
            isContributor[contributor] = true;
            if (contributor == destination) {
                expected[destination]++;
                continue;
            }
            onTree[contributor] = true;
            // Walk the path until it meets the tree; from there on the tree's own links carry the aggregate.
            int node = contributor;
            for (int link : pathsToDestination[c]) {
                int next = topology.linkTo(link);
                parentLink[node] = link;
                expected[next]++;
                if (onTree[next]) {
                    break;
                }
                onTree[next] = true;
                node = next;
            }
        }
        return new AggregationTree(destination, contributors.clone(), parentLink, expected, isContributor);
    }

    /** The node that receives the final aggregate. */
    public int destination() {
        return destination;
    }

    /** The nodes expected to contribute, in the order given. */
    public int[] contributors() {
        return contributors.clone();
    }

    public boolean isContributor(int node) {
        return isContributor[node];
    }

    /** The link a node sends its (aggregated) message up, or -1 at the destination and off the tree. */
    int parentLink(int node) {
        return parentLink[node];
    }

    /** How many messages a node waits for before forwarding (a contributor's own share counts at the destination). */
    int expected(int node) {
        return expected[node];
    }

    int nodeCount() {
        return expected.length;
    }
}
