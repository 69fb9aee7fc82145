package dev.crest.netsim.network;

import dev.crest.netsim.engine.Scheduler;
import dev.crest.netsim.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves messages over a {@link Topology} packet by packet. A message is cut into MTU-sized packets; each
 * directed link transmits one packet at a time (taking size / link rate) with an unbounded FIFO queue behind it,
 * and a packet reaches the far end one propagation latency after its transmission ends; switches store each packet
 * completely before forwarding it. Packets are not objects: a packet is "packet i of message m on hop h", queues
 * hold runs of consecutive packets, and message slots are recycled, so memory stays bounded however many packets
 * flow. Records per-link traffic and busy time.
 */
public final class Network {
    private final Topology topology;
    private final Scheduler scheduler;
    private final long mtuBits;
    private final long routingSeed;
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
    private int[] freeMessages = new int[64];
    private int freeMessageCount;
    private int messageSlots;
    private long messagesSent;
    private long packetHops;

    private final Map<Integer, int[]> distances = new HashMap<>();
    private final Map<Long, Route> unicastRoutes = new HashMap<>();
    private final Route[] linkRoutes;

    /**
     * @param mtuBits largest packet payload in bits
     * @param routingSeed seed of the ECMP hash
     */
    public Network(Topology topology, Scheduler scheduler, long mtuBits, long routingSeed) {
        if (mtuBits <= 0) {
            throw new IllegalArgumentException("MTU must be positive, got " + mtuBits);
        }
        this.topology = topology;
        this.scheduler = scheduler;
        this.mtuBits = mtuBits;
        this.routingSeed = routingSeed;
        int links = topology.linkCount();
        rate = new double[links];
        latency = new double[links];
        for (int l = 0; l < links; l++) {
            rate[l] = topology.linkRate(l);
            latency[l] = topology.linkLatency(l);
        }
        busyUntil = new double[links];
        queues = new PacketQueue[links];
        for (int l = 0; l < links; l++) {
            queues[l] = new PacketQueue();
        }
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
        long size = packet < messagePackets[message] - 1 ? mtuBits
                : messageBits[message] - (long) (messagePackets[message] - 1) * mtuBits;
        double seconds = size / rate[link];
        double done = scheduler.now() + seconds;
        busyUntil[link] = done;
        bitsSent[link] += size;
        busySeconds[link] += seconds;
        packetHops++;
        scheduler.schedule(done + latency[link], arrivalKind, message, packet, hop);
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
            enqueue(route.link(child), message, child, packet, 1);
        }
        if (route.delivers(hop) && packet == messagePackets[message] - 1) {
            Delivery delivery = messageDelivery[message];
            if (--messageUndelivered[message] == 0) {
                // The last packet reaches every destination last (FIFO links, one path per destination), so the
                // slot is free once every destination has it.
                releaseMessage(message);
            }
            delivery.delivered(topology.linkTo(route.link(hop)));
        }
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
            freeMessages = Arrays.copyOf(freeMessages, capacity);
        }
        return messageSlots++;
    }

    private void releaseMessage(int message) {
        messageRoute[message] = null;
        messageDelivery[message] = null;
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
