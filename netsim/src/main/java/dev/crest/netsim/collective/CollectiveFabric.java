package dev.crest.netsim.collective;

/**
 * What an all-reduce protocol asks of the simulated network. Workers are numbered 0..N−1; a message is opaque
 * except for its size and a {@code long} tag the protocol chooses, handed back on delivery, so protocols keep
 * no per-message objects; switch traffic carries no tag at all because it arrives in order. The simulator implements it over its packet network; tests implement it with queues.
 */
public interface CollectiveFabric {

    /** Sends one message of {@code bits} from one worker to another; delivery is reported by tag. */
    void send(int fromWorker, int toWorker, long bits, long tag);

    /**
     * Like {@link #send}, but the worker's own NIC scheduler hands such messages to the network one at a time,
     * the next only once the previous one has left the NIC, lowest {@code priority} first (ties in send order).
     * This lets a pipelined algorithm work on its oldest chunk first instead of queueing everything it could
     * send behind one FIFO.
     */
    void sendPrioritized(int fromWorker, int toWorker, long bits, long tag, long priority);

    /** Sends one message of {@code bits} from a worker to every other worker, replicated by the switches. */
    void multicast(int fromWorker, long bits, long tag);

    /**
     * Sends one message of {@code bits} (at most one packet) from a worker to the ToR switch of its rack; its
     * arrival there is reported to {@link AllReduceProtocol#onSwitchReceived}, in the order each worker sent.
     */
    void sendToSwitch(int fromWorker, long bits);

    /**
     * Sends one aggregated message of {@code bits} from the ToR of rack {@code rack} (racks numbered as the
     * protocol was told) to the root aggregation switch; its arrival is reported to
     * {@link AllReduceProtocol#onRootReceived}, in the order each rack sent.
     */
    void sendToRoot(int rack, long bits);

    /**
     * Multicasts one message of {@code bits} from the root aggregation switch (the ToR itself when there is one
     * rack) to every worker; each arrival is reported to {@link AllReduceProtocol#onSwitchResult}, in the order
     * sent.
     */
    void multicastFromSwitch(long bits);

    /** Reports that {@code worker} now holds every reduced gradient of the iteration. */
    void workerFinished(int worker);
}
