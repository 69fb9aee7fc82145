package dev.crest.netsim.network;

/**
 * One aggregated message in flight on an {@link AggregationTree}: contributors join with {@link #contribute};
 * every switch forwards one full-size message once all contributions from below have fully arrived (message
 * granularity, so even a single contribution pays a store-and-forward delay at each switch).
 */
public final class Aggregation {
    private final Network network;
    private final AggregationTree tree;
    private final long bits;
    private final Delivery onDelivered;
    private final int[] received;
    private final boolean[] contributed;

    Aggregation(Network network, AggregationTree tree, long bits, Delivery onDelivered) {
        this.network = network;
        this.tree = tree;
        this.bits = bits;
        this.onDelivered = onDelivered;
        this.received = new int[tree.nodeCount()];
        this.contributed = new boolean[tree.nodeCount()];
    }

    /** Contributor {@code node} sends its share now. Each contributor contributes exactly once. */
    public void contribute(int node) {
        if (!tree.isContributor(node)) {
            throw new IllegalArgumentException("node " + node + " is not a contributor of this aggregation");
        }
        if (contributed[node]) {
            throw new IllegalArgumentException("node " + node + " contributed twice to one aggregation");
        }
        contributed[node] = true;
        if (node == tree.destination()) {
            arrived(node);
        } else {
            sendUp(node);
        }
    }

    private void sendUp(int node) {
        network.sendOverLink(tree.parentLink(node), bits, this::arrived);
    }

    private void arrived(int node) {
        if (++received[node] < tree.expected(node)) {
            return;
        }
        if (node == tree.destination()) {
            onDelivered.delivered(node);
        } else {
            sendUp(node);
        }
    }
}
