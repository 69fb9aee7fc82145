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
     * Default pool: 512 one-packet slots. At 100 Gbps, MTU 12,000 bits and 10 µs hops the round trip is about
     * 40 µs, and 512 × 12,000 bits per 40 µs ≈ 150 Gbps keeps a 100 Gbps link busy.
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
    /** Switch side: packets arrived from each worker, and per slot its packet and contributions so far. */
    private final long[] arrivedFrom;
    private final long[] packetInSlot;
    private final int[] contributionsInSlot;
    private final long[] bitsOfSlot;
    private int slotsInUse;
    private int mostSlotsInUse;

    public SwitchMlAllReduce(int workers, Workload workload, long mtuBits, int slots) {
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
        this.arrivedFrom = new long[workers];
        this.packetInSlot = new long[slots];
        this.contributionsInSlot = new int[slots];
        this.bitsOfSlot = new long[slots];
    }

    /** Size of the switch's slot pool. */
    public int slots() {
        return slots;
    }

    /** Packets per worker per iteration. */
    public long packetCount() {
        return packets;
    }

    /** The most slots that were ever aggregating at once; never more than {@link #slots()}. */
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
        long packet = arrivedFrom[fromWorker]++;
        int slot = (int) (packet % slots);
        if (contributionsInSlot[slot] == 0) {
            packetInSlot[slot] = packet;
            bitsOfSlot[slot] = bitsOf(packet);
            slotsInUse++;
            mostSlotsInUse = Math.max(mostSlotsInUse, slotsInUse);
        } else if (packetInSlot[slot] != packet) {
            throw new IllegalStateException("switchml: packet " + packet + " found slot " + slot
                    + " still aggregating packet " + packetInSlot[slot]);
        }
        if (++contributionsInSlot[slot] == workers) {
            contributionsInSlot[slot] = 0;
            slotsInUse--;
            fabric().multicastFromSwitch(bitsOfSlot[slot]);
        }
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
