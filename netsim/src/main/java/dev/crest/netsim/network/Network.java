package dev.crest.netsim.network;

import dev.crest.netsim.engine.Scheduler;
import dev.crest.netsim.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves messages over a {@link Topology} packet by packet. A message is cut into MTU-sized packets; each
 * directed link transmits one packet at a time (taking size / link rate) with a FIFO queue behind it, and a packet
 * reaches the far end one propagation latency after its transmission ends; switches store each packet completely
 * before forwarding it. By default propagation is pipelined (the next packet may start while the previous one is
 * still propagating); optionally the link stays busy until the packet lands, so exactly one packet is in flight
 * per link. Queues are unbounded by default; with a finite switch buffer a packet arriving at a full queue is
 * dropped and its source sends it again after a timeout, towards the destinations behind the drop only.
 *
 * <p>Packets are not objects: a packet is "packet i of message m on hop h", queues hold runs of consecutive
 * packets, and message slots are recycled, so memory stays bounded however many packets flow. Records per-link
 * traffic and busy time.
 */
public final class Network {
    private final Topology topology;
    private final Scheduler scheduler;
    private final long mtuBits;
    private final long routingSeed;
    private final boolean latencyOccupiesLink;
    private final int bufferPackets;
    private final double retransmitTimeoutSeconds;
    private final int linkFreeKind;
    private final int arrivalKind;

    private final double[] rate;
    private final double[] latency;
    private final double[] busyUntil;
    private final PacketQueue[] queues;
    private final long[] bitsSent;
    private final double[] busySeconds;

    private long[] messageBits = new long[64];
    private int[] messagePackets = new int[64];
    private int[] messageUndelivered = new int[64];
    private Route[] messageRoute = new Route[64];
    private Delivery[] messageDelivery = new Delivery[64];
    private int[] messageOriginal = new int[64];
    private int[][] messageReceived = new int[64][];
    private int[] freeMessages = new int[64];
    private int freeMessageCount;
    private int messageSlots;
    private long messagesSent;
    private long packetHops;
    private long droppedPackets;
    private final Map<Route, Route[]> repairRoutes = new IdentityHashMap<>();

    private final Map<Integer, int[]> distances = new HashMap<>();
    private final Map<Long, Route> unicastRoutes = new HashMap<>();
    private final Route[] linkRoutes;

    /**
     * @param mtuBits largest packet payload in bits
     * @param routingSeed seed of the ECMP hash
     */
    public Network(Topology topology, Scheduler scheduler, long mtuBits, long routingSeed) {
        this(topology, scheduler, mtuBits, routingSeed, false);
    }

    /**
     * @param mtuBits largest packet payload in bits
     * @param routingSeed seed of the ECMP hash
     * @param latencyOccupiesLink whether a link stays busy until its packet lands (one packet in flight on the
     *     wire) instead of only while transmitting (propagation pipelined)
     */
    public Network(Topology topology, Scheduler scheduler, long mtuBits, long routingSeed,
            boolean latencyOccupiesLink) {
        this(topology, scheduler, mtuBits, routingSeed, latencyOccupiesLink, 0, 1);
    }

    /**
     * @param mtuBits largest packet payload in bits
     * @param routingSeed seed of the ECMP hash
     * @param latencyOccupiesLink whether a link stays busy until its packet lands (one packet in flight on the
     *     wire) instead of only while transmitting (propagation pipelined)
     * @param bufferPackets packets a switch may queue per outgoing link, 0 for unlimited; a packet arriving at a
     *     full queue is dropped and its source sends it again {@code retransmitTimeoutSeconds} after the drop, to
     *     the destinations behind the drop only
     * @param retransmitTimeoutSeconds the retransmission timeout (used only with finite buffers)
     */
    public Network(Topology topology, Scheduler scheduler, long mtuBits, long routingSeed,
            boolean latencyOccupiesLink, int bufferPackets, double retransmitTimeoutSeconds) {
        if (bufferPackets < 0 || !(retransmitTimeoutSeconds > 0)) {
            throw new IllegalArgumentException("buffer " + bufferPackets + " packets, timeout " + retransmitTimeoutSeconds);
        }
        if (mtuBits <= 0) {
            throw new IllegalArgumentException("MTU must be positive, got " + mtuBits);
        }
        this.topology = topology;
        this.scheduler = scheduler;
        this.mtuBits = mtuBits;
        this.routingSeed = routingSeed;
        this.latencyOccupiesLink = latencyOccupiesLink;
        this.bufferPackets = bufferPackets;
        this.retransmitTimeoutSeconds = retransmitTimeoutSeconds;
        int links = topology.linkCount();
        rate = new double[links];
        latency = new double[links];
        queues = new PacketQueue[links];
        for (int l = 0; l < links; l++) {
            rate[l] = topology.linkRate(l);
            latency[l] = topology.linkLatency(l);
            queues[l] = new PacketQueue();
        }
        busyUntil = new double[links];
        bitsSent = new long[links];
        busySeconds = new double[links];
        linkRoutes = new Route[links];
        linkFreeKind = scheduler.register((link, unused, unused2) -> linkFree(link));
        arrivalKind = scheduler.register(this::arrive);
    }

    public Topology topology() {
        return topology;
    }

    public long mtuBits() {
        return mtuBits;
    }

    /** The routed unicast path from {@code from} to {@code to} (cached). */
    public Route unicastRoute(int from, int to) {
        long key = ((long) from << 32) | (to & 0xFFFFFFFFL);
        Route route = unicastRoutes.get(key);
        if (route == null) {
            route = multicastRoute(from, new int[] {to});
            unicastRoutes.put(key, route);
        }
        return route;
    }

    /** A switch-replicated tree from {@code from} to every node of {@code to} (merged routed paths). */
    public Route multicastRoute(int from, int[] to) {
        List<int[]> paths = new ArrayList<>(to.length);
        for (int destination : to) {
            if (destination == from) {
                throw new IllegalArgumentException("a route cannot deliver to its own source " + topology.nodeName(from));
            }
            paths.add(topology.route(from, destination, 0, routingSeed, distancesTo(destination)));
        }
        return Route.tree(topology, from, to, paths);
    }

    /** The aggregation tree from {@code contributors} (hosts) to {@code destination}. */
    public AggregationTree aggregationTree(int[] contributors, int destination) {
        int[] distance = distancesTo(destination);
        int[][] paths = new int[contributors.length][];
        for (int c = 0; c < contributors.length; c++) {
            paths[c] = contributors[c] == destination ? new int[0]
                    : topology.route(contributors[c], destination, 0, routingSeed, distance);
        }
        return AggregationTree.of(topology, contributors, destination, paths);
    }

    /** Opens an aggregated message of {@code bits} on {@code tree}. */
    public Aggregation aggregate(AggregationTree tree, long bits, Delivery onDelivered) {
        requirePositiveBits(bits);
        return new Aggregation(this, tree, bits, onDelivered);
    }

    /** Sends {@code bits} from {@code from} to {@code to}; a message to oneself is delivered at once (as an event). */
    public void send(int from, int to, long bits, Delivery onDelivered) {
        if (from == to) {
            requirePositiveBits(bits);
            scheduler.at(scheduler.now(), () -> onDelivered.delivered(to));
            return;
        }
        send(unicastRoute(from, to), bits, onDelivered);
    }

    /** Sends {@code bits} along {@code route}; {@code onDelivered} runs once per destination. */
    public void send(Route route, long bits, Delivery onDelivered) {
        requirePositiveBits(bits);
        long packets = (bits + mtuBits - 1) / mtuBits;
        if (packets > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(bits + " bits make more than 2^31 packets at MTU " + mtuBits);
        }
        int message = allocateMessage();
        messageBits[message] = bits;
        messagePackets[message] = (int) packets;
        messageUndelivered[message] = route.destinationCount();
        messageRoute[message] = route;
        messageDelivery[message] = onDelivered;
        messageOriginal[message] = -1;
        messageReceived[message] = bufferPackets > 0 ? new int[route.destinationCount()] : null;
        messagesSent++;
        for (int hop : route.roots()) {
            enqueue(route.link(hop), message, hop, 0, (int) packets);
        }
    }

    /** Sends {@code bits} over the single link {@code link} (used by aggregation between adjacent nodes). */
    void sendOverLink(int link, long bits, Delivery onDelivered) {
        Route route = linkRoutes[link];
        if (route == null) {
            route = Route.tree(topology, topology.linkFrom(link), new int[] {topology.linkTo(link)},
                    List.of(new int[] {link}));
            linkRoutes[link] = route;
        }
        send(route, bits, onDelivered);
    }

    /** Bits transmitted on each link so far. */
    public long bitsSent(int link) {
        return bitsSent[link];
    }

    /** Seconds each link has spent transmitting so far. */
    public double busySeconds(int link) {
        return busySeconds[link];
    }

    /** Messages sent so far. */
    public long messagesSent() {
        return messagesSent;
    }

    /** Packets dropped at full switch queues so far (each was sent again). */
    public long droppedPackets() {
        return droppedPackets;
    }

    /** Packet transmissions so far (one per packet per link). */
    public long packetHops() {
        return packetHops;
    }

    private void enqueue(int link, int message, int hop, int firstPacket, int count) {
        PacketQueue queue = queues[link];
        int first = firstPacket;
        int remaining = count;
        if (queue.isEmpty() && busyUntil[link] <= scheduler.now()) {
            transmit(link, message, first, hop);
            if (--remaining == 0) {
                return;
            }
            first++;
        }
        // Invariant: a link-free event is pending exactly while the queue is non-empty.
        if (queue.isEmpty()) {
            scheduler.schedule(busyUntil[link], linkFreeKind, link, 0, 0);
        }
        queue.add(message, hop, first, remaining);
    }

    /**
     * Puts a packet on the wire now: the link is busy for size / rate, and the packet lands one latency after
     * that. One event per uncontended packet hop; a queued packet costs one more (the link-free event).
     */
    private void transmit(int link, int message, int packet, int hop) {
        long size = packetBits(message, packet);
        double seconds = size / rate[link];
        double done = scheduler.now() + seconds;
        double lands = done + latency[link];
        busyUntil[link] = latencyOccupiesLink ? lands : done;
        bitsSent[link] += size;
        busySeconds[link] += seconds;
        packetHops++;
        scheduler.schedule(lands, arrivalKind, message, packet, hop);
    }

    private void linkFree(int link) {
        PacketQueue queue = queues[link];
        int message = queue.headMessage();
        int hop = queue.headHop();
        int packet = queue.takeHeadPacket();
        transmit(link, message, packet, hop);
        if (!queue.isEmpty()) {
            scheduler.schedule(busyUntil[link], linkFreeKind, link, 0, 0);
        }
    }

    private void arrive(int message, int packet, int hop) {
        Route route = messageRoute[message];
        for (int i = route.childStart(hop), end = route.childEnd(hop); i < end; i++) {
            int child = route.child(i);
            int link = route.link(child);
            if (bufferPackets > 0 && queues[link].packets() >= bufferPackets) {
                drop(message, packet, child);
                continue;
            }
            enqueue(link, message, child, packet, 1);
        }
        if (!route.delivers(hop)) {
            return;
        }
        if (bufferPackets > 0) {
            countDelivered(message, hop);
            return;
        }
        if (packet == messagePackets[message] - 1) {
            Delivery delivery = messageDelivery[message];
            if (--messageUndelivered[message] == 0) {
                // Without drops the last packet reaches every destination last (FIFO links, one path per
                // destination), so the slot is free once every destination has it.
                releaseMessage(message);
            }
            delivery.delivered(topology.linkTo(route.link(hop)));
        }
    }

    /** With finite buffers packets may arrive out of order, so each destination counts them. */
    private void countDelivered(int message, int hop) {
        Route route = messageRoute[message];
        int node = topology.linkTo(route.link(hop));
        int original = messageOriginal[message];
        int destination;
        if (original < 0) {
            original = message;
            destination = route.destinationIndex(hop);
        } else {
            destination = messageRoute[original].destinationIndexOf(node);
            if (--messageUndelivered[message] == 0) {
                releaseMessage(message);
            }
        }
        if (++messageReceived[original][destination] == messagePackets[original]) {
            Delivery delivery = messageDelivery[original];
            if (--messageUndelivered[original] == 0) {
                releaseMessage(original);
            }
            delivery.delivered(node);
        }
    }

    private void drop(int message, int packet, int hop) {
        droppedPackets++;
        Route route = messageRoute[message];
        int original = messageOriginal[message] < 0 ? message : messageOriginal[message];
        long size = packetBits(message, packet);
        Route repair = repairRoute(route, hop);
        if (original != message && (messageUndelivered[message] -= route.destinationsBelow(hop)) == 0) {
            // A resend that lost its packet: the next resend now answers for the destinations behind the drop.
            releaseMessage(message);
        }
        scheduler.at(scheduler.now() + retransmitTimeoutSeconds, () -> resend(original, repair, size));
    }

    private void resend(int original, Route route, long bits) {
        int message = allocateMessage();
        messageBits[message] = bits;
        messagePackets[message] = 1;
        messageUndelivered[message] = route.destinationCount();
        messageRoute[message] = route;
        messageDelivery[message] = null;
        messageOriginal[message] = original;
        messageReceived[message] = null;
        for (int hop : route.roots()) {
            enqueue(route.link(hop), message, hop, 0, 1);
        }
    }

    private Route repairRoute(Route route, int hop) {
        Route[] byHop = repairRoutes.computeIfAbsent(route, r -> new Route[r.hopCount()]);
        if (byHop[hop] == null) {
            byHop[hop] = route.restrictedTo(hop, topology);
        }
        return byHop[hop];
    }

    private long packetBits(int message, int packet) {
        return packet < messagePackets[message] - 1 ? mtuBits
                : messageBits[message] - (long) (messagePackets[message] - 1) * mtuBits;
    }

    private int allocateMessage() {
        if (freeMessageCount > 0) {
            return freeMessages[--freeMessageCount];
        }
        if (messageSlots == messageBits.length) {
            int capacity = messageSlots * 2;
            messageBits = Arrays.copyOf(messageBits, capacity);
            messagePackets = Arrays.copyOf(messagePackets, capacity);
            messageUndelivered = Arrays.copyOf(messageUndelivered, capacity);
            messageRoute = Arrays.copyOf(messageRoute, capacity);
            messageDelivery = Arrays.copyOf(messageDelivery, capacity);
            messageOriginal = Arrays.copyOf(messageOriginal, capacity);
            messageReceived = Arrays.copyOf(messageReceived, capacity);
            freeMessages = Arrays.copyOf(freeMessages, capacity);
        }
        return messageSlots++;
    }

    private void releaseMessage(int message) {
        messageRoute[message] = null;
        messageDelivery[message] = null;
        messageReceived[message] = null;
        freeMessages[freeMessageCount++] = message;
    }

    private int[] distancesTo(int destination) {
        return distances.computeIfAbsent(destination, topology::distancesTo);
    }

    private static void requirePositiveBits(long bits) {
        if (bits <= 0) {
            throw new IllegalArgumentException("a message needs a positive size, got " + bits + " bits");
        }
    }
}
