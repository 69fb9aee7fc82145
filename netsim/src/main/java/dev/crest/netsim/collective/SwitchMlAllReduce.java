package dev.crest.netsim.collective;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.Workload;
import java.util.List;

/**
 * Streaming in-switch aggregation after SwitchML (Sapio et al., "Scaling Distributed Machine Learning with
 * In-Network Aggregation", NSDI 2021). Gradients, in backprop emission order, are cut into MTU-sized packets
 * numbered 0, 1, 2, …; packet i uses switch slot {@code i mod S} of a pool of S slots. Every worker sends its
 * packets in order, each once its gradient exists and — SwitchML's self-clocking — once it has received the
 * aggregated result of packet i − S, the slot's previous occupant. The switch adds the N contributions of a
 * packet in its slot, then multicasts the result to every worker and frees the slot. Hence at most S packets
 * are ever being aggregated, each worker has at most S packets in flight, and throughput is bounded by
 * S·MTU per round-trip time.
 *
 * <p>A slot here holds one whole packet (SwitchML's slots hold a packet's worth of 32-bit elements); packet loss
 * and the shadow-copy retransmission scheme are not modelled, and all workers must sit under one aggregating
 * switch, as in SwitchML's single-rack design.
 */
public final class SwitchMlAllReduce extends AllReduceProtocol {
    /**
     * Default pool: 512 one-packet slots per switch. Throughput is at most S·MTU per round trip; even at a
     * 1,500-byte MTU (12,000 bits) and a 40 µs round trip, 512 slots sustain ≈ 150 Gbps, so the pool only
     * limits jobs that set it lower (at the default 500,000-bit MTU it is never the bottleneck).
     */
    public static final int DEFAULT_SLOTS = 512;

    private final int slots;
    private final long packetBits;
    /** Per emission (backprop order): the tensor it carries and its first packet. */
    private final int[] tensorOfEmission;
    private final long[] firstPacketOfEmission;
    private final long packets;
    /** Worker side: next packet to send, the emission it belongs to, results received so far. */
    private final long[] nextPacket;
    private final int[] emissionOfNextPacket;
    private final long[] resultsReceived;
    /** Racks: each worker's rack and each rack's size; the ToRs are switches 0..R−1, the root is switch R. */
    private final int[] rackOfWorker;
    private final int[] rackSize;
    /** Switch side: packets arrived from each worker / rack, and per switch and slot its packet and count. */
    private final long[] arrivedFromWorker;
    private final long[] arrivedFromRack;
    private final long[] packetInSlot;
    private final int[] contributionsInSlot;
    private final int[] slotsInUse;
    private int mostSlotsInUse;

    /** All workers in one rack under one aggregating ToR. */
    public SwitchMlAllReduce(int workers, Workload workload, long mtuBits, int slots) {
        this(workers, workload, mtuBits, slots, new int[workers]);
    }

    /**
     * @param rackOfWorker each worker's rack, numbered 0..R−1 with every rack non-empty; with R &gt; 1 the
     *     racks' ToRs aggregate first and a root switch combines them
     */
    public SwitchMlAllReduce(int workers, Workload workload, long mtuBits, int slots, int[] rackOfWorker) {
        super(workers, workload);
        if (mtuBits <= 0) {
            throw new NetsimException("switchml: MTU must be positive, got " + mtuBits + " bits");
        }
        if (slots < 1) {
            throw new NetsimException("switchml: the switch needs at least one aggregation slot, got " + slots);
        }
        this.slots = slots;
        this.packetBits = mtuBits;
        List<GradientEmission> order = workload.backprop();
        this.tensorOfEmission = new int[order.size()];
        this.firstPacketOfEmission = new long[order.size() + 1];
        long p = 0;
        for (int k = 0; k < order.size(); k++) {
            tensorOfEmission[k] = order.get(k).tensorIndex();
            firstPacketOfEmission[k] = p;
            p += (workload.tensors().get(tensorOfEmission[k]).bits() + mtuBits - 1) / mtuBits;
        }
        firstPacketOfEmission[order.size()] = p;
        this.packets = p;
        this.nextPacket = new long[workers];
        this.emissionOfNextPacket = new int[workers];
        this.resultsReceived = new long[workers];
        if (rackOfWorker.length != workers) {
            throw new IllegalArgumentException("need the rack of each of " + workers + " workers");
        }
        this.rackOfWorker = rackOfWorker.clone();
        int racks = 0;
        for (int r : rackOfWorker) {
            racks = Math.max(racks, r + 1);
        }
        this.rackSize = new int[racks];
        for (int r : rackOfWorker) {
            rackSize[r]++;
        }
        for (int r = 0; r < racks; r++) {
            if (rackSize[r] == 0) {
                throw new IllegalArgumentException("rack " + r + " has no workers");
            }
        }
        int switches = racks == 1 ? 1 : racks + 1;
        if ((long) switches * slots > Integer.MAX_VALUE) {
            throw new NetsimException("switchml: " + slots + " slots on " + switches + " switches is too many");
        }
        this.arrivedFromWorker = new long[workers];
        this.arrivedFromRack = new long[racks];
        this.packetInSlot = new long[switches * slots];
        this.contributionsInSlot = new int[switches * slots];
        this.slotsInUse = new int[switches];
    }

    /** Size of the switch's slot pool. */
    public int slots() {
        return slots;
    }

    /** Packets per worker per iteration. */
    public long packetCount() {
        return packets;
    }

    /** The most slots any one switch ever had aggregating at once; never more than {@link #slots()}. */
    public int mostSlotsInUse() {
        return mostSlotsInUse;
    }

    @Override
    protected long unitsPerWorker() {
        return packets;
    }

    @Override
    protected void gradientArrived(int worker, int tensor) {
        pump(worker);
    }

    @Override
    public void onDelivered(int worker, long tag) {
        throw new UnsupportedOperationException("switchml exchanges no worker-to-worker messages");
    }

    @Override
    public void onSwitchReceived(int fromWorker) {
        int rack = rackOfWorker[fromWorker];
        long packet = arrivedFromWorker[fromWorker]++;
        if (!aggregate(rack, packet, rackSize[rack])) {
            return;
        }
        if (rackSize.length == 1) {
            fabric().multicastFromSwitch(bitsOf(packet));
        } else {
            fabric().sendToRoot(rack, bitsOf(packet));
        }
    }

    @Override
    public void onRootReceived(int rack) {
        long packet = arrivedFromRack[rack]++;
        if (aggregate(rackSize.length, packet, rackSize.length)) {
            fabric().multicastFromSwitch(bitsOf(packet));
        }
    }

    /** Adds one contribution to packet's slot on switch {@code sw}; true when the slot completes (and frees). */
    private boolean aggregate(int sw, long packet, int expected) {
        int slot = sw * slots + (int) (packet % slots);
        if (contributionsInSlot[slot] == 0) {
            packetInSlot[slot] = packet;
            mostSlotsInUse = Math.max(mostSlotsInUse, ++slotsInUse[sw]);
        } else if (packetInSlot[slot] != packet) {
            throw new IllegalStateException("switchml: packet " + packet + " found its slot on switch " + sw
                    + " still aggregating packet " + packetInSlot[slot]);
        }
        if (++contributionsInSlot[slot] < expected) {
            return false;
        }
        contributionsInSlot[slot] = 0;
        slotsInUse[sw]--;
        return true;
    }

    @Override
    public void onSwitchResult(int worker) {
        resultsReceived[worker]++;
        hold(worker, 1);
        pump(worker);
    }

    /** Sends the worker's next packets while their gradients exist and their slots are free. */
    private void pump(int worker) {
        long packet = nextPacket[worker];
        int emission = emissionOfNextPacket[worker];
        // Results come back in packet order, so packet i's slot is free once i − S results have arrived.
        long window = resultsReceived[worker] + slots;
        while (packet < packets && packet < window) {
            while (packet >= firstPacketOfEmission[emission + 1]) {
                emission++;
            }
            if (!hasGradient(worker, tensorOfEmission[emission])) {
                break;
            }
            fabric().sendToSwitch(worker, bitsOf(packet, emission));
            packet++;
        }
        nextPacket[worker] = packet;
        emissionOfNextPacket[worker] = emission;
    }

    private long bitsOf(long packet) {
        int lo = 0;
        int hi = tensorOfEmission.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstPacketOfEmission[mid] <= packet) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return bitsOf(packet, lo);
    }

    private long bitsOf(long packet, int emission) {
        long tensorBits = workload.tensors().get(tensorOfEmission[emission]).bits();
        return Math.min(packetBits, tensorBits - (packet - firstPacketOfEmission[emission]) * packetBits);
    }
}
