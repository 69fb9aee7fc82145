package dev.crest.netsim.collective;

import dev.crest.netsim.strategy.StrategyContext;
import dev.crest.netsim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * A host NIC scheduler with priorities: each worker keeps the messages it has ready in a priority queue and
 * releases the next one to the network only when the previous one has been serialized onto its uplink
 * (size / uplink rate later), so the network's FIFO queue behind the uplink never holds more than one of them
 * and a more urgent message overtakes everything still waiting at the host.
 */
final class PacedOutbox {
    /** A message waiting at its host; {@code release} sends it and returns its size in bits. */
    private record Pending(long priority, long sequence, LongSupplier release) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byPriority = Long.compare(priority, other.priority);
            return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
        }
    }

    private final StrategyContext context;
    private final double[] uplinkRate;
    private final List<PriorityQueue<Pending>> waiting;
    private final boolean[] transmitting;
    private long sequence;

    PacedOutbox(StrategyContext context, int[] workerNodes) {
        this.context = context;
        Topology topology = context.topology();
        uplinkRate = new double[workerNodes.length];
        waiting = new ArrayList<>(workerNodes.length);
        transmitting = new boolean[workerNodes.length];
        for (int w = 0; w < workerNodes.length; w++) {
            // Hosts are single-homed: their one outgoing link is the uplink to the ToR.
            int[] out = topology.outgoingLinks(workerNodes[w]);
            uplinkRate[w] = topology.linkRate(out[0]);
            waiting.add(new PriorityQueue<>());
        }
    }

    /** Queues a message at {@code worker}'s NIC; sends it at once if the NIC is idle. */
    void submit(int worker, long priority, LongSupplier release) {
        waiting.get(worker).add(new Pending(priority, sequence++, release));
        if (!transmitting[worker]) {
            releaseNext(worker);
        }
    }

    private void releaseNext(int worker) {
        Pending next = waiting.get(worker).poll();
        if (next == null) {
            transmitting[worker] = false;
            return;
        }
        transmitting[worker] = true;
        long bits = next.release().getAsLong();
        context.at(context.now() + bits / uplinkRate[worker], () -> releaseNext(worker));
    }
}
