package dev.crest.netsim.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects nodes and cables while a {@link TopologyBuilder} lays out a network, then freezes them into a
 * {@link Topology}. Workers get node ids 0..N-1 and parameter servers N..N+P-1, so builders add them first.
 */
final class TopologyAssembler {
    private final LinkRates rates;
    private final List<NodeKind> kinds = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Integer> racks = new ArrayList<>();
    private final List<Integer> tors = new ArrayList<>();
    private final List<Integer> workers = new ArrayList<>();
    private final List<Integer> parameterServers = new ArrayList<>();
    private final List<int[]> links = new ArrayList<>();
    private final List<Double> linkRates = new ArrayList<>();

    TopologyAssembler(LinkRates rates) {
        this.rates = rates;
    }

    LinkRates rates() {
        return rates;
    }

    /** Adds the N workers and P parameter servers, rack unassigned until {@link #placeInRack}. */
    void addHosts(int workerCount, int parameterServerCount) {
        for (int w = 0; w < workerCount; w++) {
            workers.add(addNode(NodeKind.WORKER, "worker" + w, -1));
        }
        for (int p = 0; p < parameterServerCount; p++) {
            parameterServers.add(addNode(NodeKind.PARAMETER_SERVER, "ps" + p, -1));
        }
    }

    int hostCount() {
        return workers.size() + parameterServers.size();
    }

    /** Adds a ToR switch heading a new rack and returns its node id. */
    int addTor() {
        int rack = tors.size();
        int node = addNode(NodeKind.TOR, "tor" + rack, rack);
        tors.add(node);
        return node;
    }

    int addSpine(String name) {
        return addNode(NodeKind.SPINE, name, -1);
    }

    /** Cables a host to a ToR (both directions, rate from the roles) and records the host's rack. */
    void placeInRack(int host, int tor) {
        racks.set(host, racks.get(tor));
        connect(host, tor);
    }

    /** Adds both directions of a cable at the slower of the two port rates. */
    void connect(int a, int b) {
        double rate = Math.min(rates.rateOf(kinds.get(a)), rates.rateOf(kinds.get(b)));
        connect(a, b, rate);
    }

    /** Adds both directions of a cable at an explicit rate. */
    void connect(int a, int b, double bitsPerSecond) {
        links.add(new int[] {a, b});
        linkRates.add(bitsPerSecond);
        links.add(new int[] {b, a});
        linkRates.add(bitsPerSecond);
    }

    Topology build(String name) {
        int linkCount = links.size();
        int[] from = new int[linkCount];
        int[] to = new int[linkCount];
        double[] rate = new double[linkCount];
        double[] latency = new double[linkCount];
        for (int l = 0; l < linkCount; l++) {
            from[l] = links.get(l)[0];
            to[l] = links.get(l)[1];
            rate[l] = linkRates.get(l);
            latency[l] = rates.latencySeconds();
        }
        return new Topology(name, kinds.toArray(new NodeKind[0]), names.toArray(new String[0]), toArray(racks),
                toArray(tors), toArray(workers), toArray(parameterServers), from, to, rate, latency);
    }

    private int addNode(NodeKind kind, String name, int rack) {
        kinds.add(kind);
        names.add(name);
        racks.add(rack);
        return kinds.size() - 1;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
