package dev.crest.netsim.topology;

/** All workers and parameter servers under one ToR switch: the setting of the reference study's headline results. */
public final class SingleRackTopology implements TopologyBuilder {
    @Override
    public Topology build(int workers, int parameterServers, TopologySpec spec, LinkRates rates) {
        TopologyAssembler net = new TopologyAssembler(rates);
        net.addHosts(workers, parameterServers);
        int tor = net.addTor();
        for (int host = 0; host < workers + parameterServers; host++) {
            net.placeInRack(host, tor);
        }
        return net.build(Topologies.SINGLE_RACK);
    }
}
