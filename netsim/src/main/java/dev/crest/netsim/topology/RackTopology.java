package dev.crest.netsim.topology;

import dev.crest.netsim.NetsimException;
import java.util.ArrayList;
import java.util.List;

/**
 * Racks of workers (each under its own ToR) joined by spine switches, every ToR cabled to every spine; the
 * parameter servers, if any, share one extra rack.
 */
public final class RackTopology implements TopologyBuilder {
    @Override
    public Topology build(int workers, int parameterServers, TopologySpec spec, LinkRates rates) {
        List<Integer> sizes = rackSizes(workers, spec);
        if (spec.spines() < 1) {
            throw new NetsimException("racks topology needs at least one spine switch, got " + spec.spines());
        }
        TopologyAssembler net = new TopologyAssembler(rates);
        net.addHosts(workers, parameterServers);
        List<Integer> tors = new ArrayList<>();
        int worker = 0;
        for (int size : sizes) {
            int tor = net.addTor();
            tors.add(tor);
            for (int i = 0; i < size; i++) {
                net.placeInRack(worker++, tor);
            }
        }
        if (parameterServers > 0) {
            int tor = net.addTor();
            tors.add(tor);
            for (int p = 0; p < parameterServers; p++) {
                net.placeInRack(workers + p, tor);
            }
        }
        for (int s = 0; s < spec.spines(); s++) {
            int spine = net.addSpine("spine" + s);
            for (int tor : tors) {
                net.connect(tor, spine);
            }
        }
        return net.build(Topologies.RACKS);
    }

    private static List<Integer> rackSizes(int workers, TopologySpec spec) {
        if (!spec.rackSizes().isEmpty()) {
            int sum = spec.rackSizes().stream().mapToInt(Integer::intValue).sum();
            if (sum != workers) {
                throw new NetsimException("rack sizes " + spec.rackSizes() + " hold " + sum + " workers but the run has "
                        + workers + "; make them add up");
            }
            return spec.rackSizes();
        }
        int racks = spec.racks();
        if (racks < 1 || racks > workers) {
            throw new NetsimException("racks topology needs between 1 and " + workers + " racks (one per worker at most), got "
                    + racks);
        }
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < racks; r++) {
            sizes.add(workers / racks + (r < workers % racks ? 1 : 0));
        }
        return sizes;
    }
}
