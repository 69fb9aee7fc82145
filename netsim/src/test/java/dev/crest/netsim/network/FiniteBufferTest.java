package dev.crest.netsim.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.netsim.engine.Scheduler;
import dev.crest.netsim.topology.LinkRates;
import dev.crest.netsim.topology.Topologies;
import dev.crest.netsim.topology.Topology;
import dev.crest.netsim.topology.TopologySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drops at full switch queues and resends after the timeout, on hand-checkable one-rack networks. */
class FiniteBufferTest {
    /** Every link 1000 bit/s, latency 0.25 s, MTU 1000 bits: a full packet takes 1 s to send. */
    private static final LinkRates SLOW = new LinkRates(1000, 1000, 1000, 1000, 0.25);

    private final Scheduler scheduler = new Scheduler();
    private final List<String> log = new ArrayList<>();

    private Network rack(int workers, int parameterServers) {
        Topology topology = Topologies.build(TopologySpec.singleRack(), workers, parameterServers, SLOW);
        return new Network(topology, scheduler, 1000, 1, false, 1, 10.0);
    }

    @Test
    void incastOverflowsAOnePacketBufferAndTheLostPacketsAreResent() {
        Network network = rack(3, 0);
        // Workers 0 and 1 each send 3 packets to worker 2; they reach the ToR in pairs at 1.25, 2.25, 3.25.
        // 1.25: w0.p0 goes on the ToR→w2 link ([1.25, 2.25], lands 2.5); w1.p0 fills the one-packet queue.
        // 2.25: w0.p1 and w1.p1 land before the link frees (their events are older): queue full, both dropped;
        //       then w1.p0 goes ([2.25, 3.25]).
        // 3.25: the link has just freed with an empty queue: w0.p2 goes ([3.25, 4.25]); w1.p2 waits, goes at 4.25.
        // 12.25 (drop + 10 s): both sources resend their lost packet; they reach the ToR at 13.5, w0's goes first
        //       ([13.5, 14.5], lands 14.75), w1's after it ([14.5, 15.5], lands 15.75).
        network.send(0, 2, 3000, node -> log.add("from0@" + scheduler.now()));
        network.send(1, 2, 3000, node -> log.add("from1@" + scheduler.now()));
        scheduler.run();

        assertThat(log).containsExactly("from0@14.75", "from1@15.75");
        assertThat(network.droppedPackets()).isEqualTo(2);
        int toW2 = network.topology().linkBetween(network.topology().torNode(0), 2);
        assertThat(network.bitsSent(toW2)).isEqualTo(6000);
    }

    @Test
    void aMulticastPacketLostOnOneBranchIsResentToThatBranchOnly() {
        Network network = rack(3, 1);
        Topology topology = network.topology();
        int ps = topology.parameterServerNode(0);
        int tor = topology.torNode(0);
        // All three single packets reach the ToR at 1.25 in sending order. w1's takes the idle ToR→w0 link, w2's
        // fills its queue, so the multicast copy for w0 is dropped while the copy for w1 goes ([1.25, 2.25],
        // lands 2.5). At 11.25 the PS resends towards w0 only: PS→ToR [11.25, 12.25], ToR→w0 [12.5, 13.5], lands
        // 13.75.
        network.send(1, 0, 1000, Delivery.IGNORE);
        network.send(2, 0, 1000, Delivery.IGNORE);
        network.send(network.multicastRoute(ps, new int[] {0, 1}), 1000,
                node -> log.add(node + "@" + scheduler.now()));
        scheduler.run();

        assertThat(log).containsExactly("1@2.5", "0@13.75");
        assertThat(network.droppedPackets()).isEqualTo(1);
        assertThat(network.bitsSent(topology.linkBetween(tor, 1))).isEqualTo(1000);
        assertThat(network.bitsSent(topology.linkBetween(ps, tor))).isEqualTo(2000);
    }
}
