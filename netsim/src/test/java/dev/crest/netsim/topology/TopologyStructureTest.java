package dev.crest.netsim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Node and link counts, rates, rack membership and routes of the registered topologies. */
class TopologyStructureTest {
    private static final LinkRates RATES = new LinkRates(10e9, 40e9, 200e9, 400e9, 10e-6);

    @Test
    void singleRackPutsEveryHostUnderOneTor() {
        Topology topology = Topologies.build(TopologySpec.singleRack(), 5, 2, RATES);

        assertThat(topology.nodeCount()).isEqualTo(5 + 2 + 1);
        assertThat(topology.linkCount()).isEqualTo(2 * 7);
        int tor = topology.torNode(0);
        assertThat(topology.kind(tor)).isEqualTo(NodeKind.TOR);
        for (int w = 0; w < 5; w++) {
            assertThat(topology.workerNode(w)).isEqualTo(w);
            assertThat(topology.rackOf(w)).isZero();
            assertThat(topology.linkRate(topology.linkBetween(w, tor))).isEqualTo(10e9);
        }
        // A link runs at the slower port: PS 40G against ToR 200G.
        int ps = topology.parameterServerNode(1);
        assertThat(topology.kind(ps)).isEqualTo(NodeKind.PARAMETER_SERVER);
        assertThat(topology.linkRate(topology.linkBetween(tor, ps))).isEqualTo(40e9);
        assertThat(topology.linkLatency(0)).isEqualTo(10e-6);
    }

    @Test
    void racksJoinedBySpines() {
        Topology topology = Topologies.build(TopologySpec.racks(List.of(3, 2), 2), 5, 1, RATES);

        // 6 hosts, 2 worker racks + 1 PS rack, 2 spines.
        assertThat(topology.nodeCount()).isEqualTo(6 + 3 + 2);
        assertThat(topology.rackCount()).isEqualTo(3);
        assertThat(topology.linkCount()).isEqualTo(2 * (6 + 3 * 2));
        assertThat(topology.rackOf(2)).isZero();
        assertThat(topology.rackOf(3)).isEqualTo(1);
        assertThat(topology.rackOf(topology.parameterServerNode(0))).isEqualTo(2);
        int spine = topology.nodeCount() - 1;
        assertThat(topology.kind(spine)).isEqualTo(NodeKind.SPINE);
        assertThat(topology.linkRate(topology.linkBetween(topology.torNode(0), spine))).isEqualTo(200e9);
        assertRoutesValid(topology, 7);
        // Worker 0 to worker 4 crosses racks: host, ToR, spine, ToR, host.
        assertThat(topology.route(0, 4, 0, 7)).hasSize(4);
        assertThat(Topologies.build(TopologySpec.evenRacks(3, 1), 8, 1, RATES).rackOf(7)).isEqualTo(2);
    }

    @Test
    void fatTreeHasTheTextbookShape() {
        int k = 4;
        Topology topology = Topologies.build(TopologySpec.fatTree(k), 15, 1, RATES);

        // k³/4 = 16 hosts, k²/2 = 8 edge, 8 aggregation, (k/2)² = 4 core switches.
        assertThat(topology.nodeCount()).isEqualTo(16 + 8 + 8 + 4);
        // Cables: 16 host-edge, k pods × (k/2)² edge-agg = 16, k pods × (k/2)² agg-core = 16; two links each.
        assertThat(topology.linkCount()).isEqualTo(2 * (16 + 16 + 16));
        assertThat(topology.rackCount()).isEqualTo(8);
        assertRoutesValid(topology, 3);
        assertThat(topology.route(0, 1, 0, 3)).hasSize(2);  // same edge switch
        assertThat(topology.route(0, 2, 0, 3)).hasSize(4);  // same pod
        assertThat(topology.route(0, 15, 0, 3)).hasSize(6); // across pods, through a core
        // ECMP: different flows between the same hosts spread over the four cores.
        Set<Integer> cores = new HashSet<>();
        for (int flow = 0; flow < 64; flow++) {
            cores.add(topology.linkTo(topology.route(0, 15, flow, 3)[2]));
        }
        assertThat(cores).hasSize(4);
        assertThat(FatTreeTopology.smallestK(1024)).isEqualTo(16);
        assertThat(Topologies.build(TopologySpec.fatTree(0), 20, 0, RATES).nodeCount()).isEqualTo(20 + 18 + 18 + 9);
    }

    @Test
    void leafSpineUplinksCarryTheOversubscription() {
        Topology topology = Topologies.build(TopologySpec.leafSpine(4, 2, 2.0), 7, 1, RATES);

        assertThat(topology.nodeCount()).isEqualTo(8 + 2 + 2);
        assertThat(topology.linkCount()).isEqualTo(2 * (8 + 2 * 2));
        int leaf = topology.torNode(0);
        double down = 0;
        double up = 0;
        for (int link : topology.outgoingLinks(leaf)) {
            if (topology.kind(topology.linkTo(link)) == NodeKind.SPINE) {
                up += topology.linkRate(link);
            } else {
                down += topology.linkRate(link);
            }
        }
        assertThat(down / up).isCloseTo(2.0, within(1e-12));
        assertRoutesValid(topology, 11);
    }

    @Test
    void routesAreDeterministic() {
        Topology topology = Topologies.build(TopologySpec.fatTree(6), 40, 2, RATES);
        for (int source = 0; source < 42; source += 5) {
            assertThat(topology.route(source, 41, 2, 99)).isEqualTo(topology.route(source, 41, 2, 99));
        }
    }

    /** Every host-to-host route starts and ends right, chains its links, passes only switches and is shortest. */
    private static void assertRoutesValid(Topology topology, long seed) {
        int hosts = topology.workerCount() + topology.parameterServerCount();
        for (int destination = 0; destination < hosts; destination++) {
            int[] distance = topology.distancesTo(destination);
            for (int source = 0; source < hosts; source++) {
                if (source == destination) {
                    continue;
                }
                int[] path = topology.route(source, destination, 0, seed, distance);
                assertThat(path).hasSize(distance[source]);
                int node = source;
                for (int i = 0; i < path.length; i++) {
                    assertThat(topology.linkFrom(path[i])).isEqualTo(node);
                    node = topology.linkTo(path[i]);
                    if (i < path.length - 1) {
                        assertThat(topology.kind(node).isSwitch()).isTrue();
                    }
                }
                assertThat(node).isEqualTo(destination);
            }
        }
    }
}
