package dev.crest.netsim.topology;

import dev.crest.netsim.NetsimException;

/**
 * The k-ary fat-tree of Al-Fares et al. (SIGCOMM 2008): k pods, each with k/2 edge (ToR) and k/2 aggregation
 * switches, (k/2)² core switches, k/2 hosts per edge switch, k³/4 hosts in all. Hosts fill edge switches in order
 * (workers first, then parameter servers); unused host ports stay empty. Aggregation and core switches use the
 * spine rate.
 */
public final class FatTreeTopology implements TopologyBuilder {
    @Override
    public Topology build(int workers, int parameterServers, TopologySpec spec, LinkRates rates) {
        int hosts = workers + parameterServers;
        int k = spec.fatTreeK() == 0 ? smallestK(hosts) : spec.fatTreeK();
        if (k < 2 || k % 2 != 0) {
            throw new NetsimException("fat-tree k must be an even number >= 2, got " + k);
        }
        long capacity = (long) k * k * k / 4;
        if (capacity < hosts) {
            throw new NetsimException("a fat-tree with k=" + k + " holds " + capacity + " hosts but the run needs " + hosts
                    + "; use k=" + smallestK(hosts) + " or more");
        }
        int half = k / 2;
        TopologyAssembler net = new TopologyAssembler(rates);
        net.addHosts(workers, parameterServers);
        int[] edges = new int[k * half];
        int[] aggregations = new int[k * half];
        for (int pod = 0; pod < k; pod++) {
            for (int i = 0; i < half; i++) {
                edges[pod * half + i] = net.addTor();
            }
        }
        for (int pod = 0; pod < k; pod++) {
            for (int i = 0; i < half; i++) {
                aggregations[pod * half + i] = net.addSpine("agg" + pod + "." + i);
            }
        }
        int[] cores = new int[half * half];
        for (int c = 0; c < cores.length; c++) {
            cores[c] = net.addSpine("core" + c);
        }
        for (int host = 0; host < hosts; host++) {
            net.placeInRack(host, edges[host / half]);
        }
        for (int pod = 0; pod < k; pod++) {
            for (int e = 0; e < half; e++) {
                for (int a = 0; a < half; a++) {
                    net.connect(edges[pod * half + e], aggregations[pod * half + a]);
                }
            }
            // Aggregation switch a of every pod reaches cores a*k/2 .. a*k/2 + k/2 - 1.
            for (int a = 0; a < half; a++) {
                for (int c = 0; c < half; c++) {
                    net.connect(aggregations[pod * half + a], cores[a * half + c]);
                }
            }
        }
        return net.build(Topologies.FAT_TREE);
    }

    /** The smallest even k whose fat-tree holds {@code hosts} hosts. */
    static int smallestK(int hosts) {
        int k = 2;
        while ((long) k * k * k / 4 < hosts) {
            k += 2;
        }
        return k;
    }
}
