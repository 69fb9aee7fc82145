package dev.crest.netsim.topology;

/** Lays out one family of networks; registered by name in {@link Topologies}. */
public interface TopologyBuilder {
    /**
     * Builds the network for the given hosts. Workers get node ids 0..workers-1 and parameter servers the next
     * ids. Throws {@link dev.crest.netsim.NetsimException} when the layout cannot hold the hosts.
     */
    Topology build(int workers, int parameterServers, TopologySpec spec, LinkRates rates);
}
