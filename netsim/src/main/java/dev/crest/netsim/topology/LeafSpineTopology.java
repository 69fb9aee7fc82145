package dev.crest.netsim.topology;

import dev.crest.netsim.NetsimException;

/**
 * A two-tier leaf-spine fabric: hosts fill leaves of {@code hostsPerLeaf} in order (workers first, then parameter
 * servers), every leaf is cabled to every spine, and each leaf-spine link runs at
 * hostsPerLeaf × worker rate / (spines × oversubscription), so a full leaf's downlinks carry {@code oversubscription}
 * times what its uplinks can.
 */
public final class LeafSpineTopology implements TopologyBuilder {
    @Override
    public Topology build(int workers, int parameterServers, TopologySpec spec, LinkRates rates) {
        if (spec.hostsPerLeaf() < 1) {
            throw new NetsimException("leaf-spine needs at least one host per leaf, got " + spec.hostsPerLeaf());
        }
        if (spec.spines() < 1) {
            throw new NetsimException("leaf-spine needs at least one spine switch, got " + spec.spines());
        }
        int hosts = workers + parameterServers;
        int leaves = (hosts + spec.hostsPerLeaf() - 1) / spec.hostsPerLeaf();
        double uplinkRate = spec.hostsPerLeaf() * rates.workerBitsPerSecond() / (spec.spines() * spec.oversubscription());
        TopologyAssembler net = new TopologyAssembler(rates);
        net.addHosts(workers, parameterServers);
        int[] leafNodes = new int[leaves];
        for (int l = 0; l < leaves; l++) {
            leafNodes[l] = net.addTor();
        }
        for (int host = 0; host < hosts; host++) {
            net.placeInRack(host, leafNodes[host / spec.hostsPerLeaf()]);
        }
        for (int s = 0; s < spec.spines(); s++) {
            int spine = net.addSpine("spine" + s);
            for (int leaf : leafNodes) {
                net.connect(leaf, spine, uplinkRate);
            }
        }
        return net.build(Topologies.LEAF_SPINE);
    }
}
