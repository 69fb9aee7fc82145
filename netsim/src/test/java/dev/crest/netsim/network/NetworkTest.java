package dev.crest.netsim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crest.netsim.engine.Scheduler;
import dev.crest.netsim.topology.LinkRates;
import dev.crest.netsim.topology.Topologies;
import dev.crest.netsim.topology.Topology;
import dev.crest.netsim.topology.TopologySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Packet timing, FIFO order, multicast replication and aggregation on small hand-checkable networks. */
class NetworkTest {
    /** Every link 1000 bit/s, latency 0.25 s, MTU 1000 bits: a full packet takes 1 s to send. */
    private static final LinkRates SLOW = new LinkRates(1000, 1000, 1000, 1000, 0.25);

    private final Scheduler scheduler = new Scheduler();
    private final List<String> log = new ArrayList<>();

    private Network rack(int workers, int parameterServers) {
        Topology topology = Topologies.build(TopologySpec.singleRack(), workers, parameterServers, SLOW);
        return new Network(topology, scheduler, 1000, 1);
    }

    @Test
    void packetsAreStoredAndForwardedHopByHop() {
        Network network = rack(2, 0);
        // 2500 bits = packets of 1000, 1000, 500 bits (1 s, 1 s, 0.5 s per link).
        // Link 1 sends them in [0,1], [1,2], [2,2.5]; they land at the ToR at 1.25, 2.25, 2.75.
        // Link 2 sends them in [1.25,2.25], [2.25,3.25], [3.25,3.75]; the last lands at 4.0.
        network.send(0, 1, 2500, node -> log.add(node + "@" + scheduler.now()));
        scheduler.run();

        assertThat(log).containsExactly("1@4.0");
        int uplink = network.topology().linkBetween(0, network.topology().torNode(0));
        assertThat(network.bitsSent(uplink)).isEqualTo(2500);
        assertThat(network.busySeconds(uplink)).isEqualTo(2.5);
        assertThat(network.packetHops()).isEqualTo(6);
    }

    @Test
    void aSharedLinkServesPacketsFirstComeFirstServed() {
        Network network = rack(3, 0);
        // Both one-packet messages reach the ToR at 1.25; worker 0's arrival event was scheduled first, so it goes
        // first on the ToR→worker2 link ([1.25, 2.25], lands 2.5) and worker 1's follows ([2.25, 3.25], lands 3.5).
        network.send(0, 2, 1000, node -> log.add("from0@" + scheduler.now()));
        network.send(1, 2, 1000, node -> log.add("from1@" + scheduler.now()));
        scheduler.run();

        assertThat(log).containsExactly("from0@2.5", "from1@3.5");
    }

    @Test
    void multicastSendsOneCopyPerTreeLink() {
        Network network = rack(3, 1);
        Topology topology = network.topology();
        int ps = topology.parameterServerNode(0);
        Route route = network.multicastRoute(ps, new int[] {0, 1, 2});
        // One packet: PS→ToR [0,1] lands 1.25; the ToR sends a copy on each worker link in [1.25, 2.25].
        network.send(route, 1000, node -> log.add(node + "@" + scheduler.now()));
        scheduler.run();

        assertThat(log).containsExactlyInAnyOrder("0@2.5", "1@2.5", "2@2.5");
        assertThat(route.hopCount()).isEqualTo(4);
        for (int l = 0; l < topology.linkCount(); l++) {
            boolean onTree = topology.linkFrom(l) == ps
                    || topology.linkFrom(l) == topology.torNode(0) && topology.linkTo(l) != ps;
            assertThat(network.bitsSent(l)).isEqualTo(onTree ? 1000 : 0);
        }
    }

    @Test
    void multicastTreesReachEveryNodeOnceInAFatTree() {
        Topology topology = Topologies.build(TopologySpec.fatTree(4), 15, 1, SLOW);
        Network network = new Network(topology, scheduler, 1000, 5);
        int[] workers = new int[15];
        for (int w = 0; w < 15; w++) {
            workers[w] = w;
        }
        Route route = network.multicastRoute(15, workers);
        Set<Integer> reached = new HashSet<>();
        for (int hop = 0; hop < route.hopCount(); hop++) {
            assertThat(reached.add(topology.linkTo(route.link(hop)))).isTrue();
        }
        network.send(route, 3000, node -> log.add(Integer.toString(node)));
        scheduler.run();
        assertThat(log).hasSize(15).doesNotHaveDuplicates();
    }

    @Test
    void aggregationForwardsOneMessageOnceAllContributionsArrived() {
        Network network = rack(2, 1);
        Topology topology = network.topology();
        int ps = topology.parameterServerNode(0);
        AggregationTree tree = network.aggregationTree(new int[] {0, 1}, ps);
        Aggregation aggregation = network.aggregate(tree, 2000, node -> log.add(node + "@" + scheduler.now()));
        aggregation.contribute(0);
        // Worker 1 contributes at 5: its 2 packets land at the ToR by 5 + 2 + 0.25 = 7.25 (worker 0's by 2.25).
        // The ToR then sends one 2000-bit message to the PS: [7.25, 9.25], the last packet lands at 9.5.
        scheduler.at(5, () -> aggregation.contribute(1));
        scheduler.run();

        assertThat(log).containsExactly(ps + "@9.5");
        int toPs = topology.linkBetween(topology.torNode(0), ps);
        assertThat(network.bitsSent(toPs)).isEqualTo(2000);
    }

    @Test
    void aggregationStoresAndForwardsAtEverySwitchOfTheTree() {
        Topology topology = Topologies.build(TopologySpec.racks(List.of(1, 1), 1), 2, 1, SLOW);
        Network network = new Network(topology, scheduler, 1000, 1);
        int ps = topology.parameterServerNode(0);
        Aggregation aggregation = network.aggregate(network.aggregationTree(new int[] {0, 1}, ps), 1000,
                node -> log.add(node + "@" + scheduler.now()));
        aggregation.contribute(0);
        aggregation.contribute(1);
        scheduler.run();

        // Each of worker→ToR, ToR→spine, spine→PS-ToR, PS-ToR→PS is one whole-message hop of 1 s + 0.25 s.
        assertThat(log).containsExactly(ps + "@5.0");
        assertThat(scheduler.now()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void routesRejectDuplicateOrSelfDestinations() {
        Network network = rack(3, 0);
        assertThatThrownBy(() -> network.multicastRoute(0, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("worker1 listed twice");
        assertThatThrownBy(() -> network.multicastRoute(0, new int[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own source worker0");
    }

    @Test
    void aMessageToItselfIsDeliveredAtOnce() {
        Network network = rack(2, 0);
        scheduler.at(3.0, () -> network.send(1, 1, 500, node -> log.add(node + "@" + scheduler.now())));
        scheduler.run();
        assertThat(log).containsExactly("1@3.0");
        assertThat(network.packetHops()).isZero();
    }

    @Test
    void whenLatencyOccupiesTheLinkOnlyOnePacketIsInFlight() {
        Topology topology = Topologies.build(TopologySpec.singleRack(), 2, 0, SLOW);
        Network network = new Network(topology, scheduler, 1000, 1, true);
        // Packets 1000, 1000, 500 bits; a link is free only when its packet has landed.
        // Link 1: [0,1] lands 1.25; [1.25,2.25] lands 2.5; [2.5,3.0] lands 3.25.
        // Link 2: [1.25,2.25] lands 2.5; [2.5,3.5] lands 3.75; the last waits until 3.75: [3.75,4.25] lands 4.5.
        network.send(0, 1, 2500, node -> log.add(node + "@" + scheduler.now()));
        scheduler.run();

        assertThat(log).containsExactly("1@4.5");
    }
}
