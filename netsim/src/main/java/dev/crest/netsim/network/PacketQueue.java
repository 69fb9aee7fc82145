package dev.crest.netsim.network;

/**
 * A link's FIFO queue as a ring buffer of runs "packets first..first+count-1 of message m on hop h"; a packet
 * that continues the run at the tail extends it instead of taking a new entry, so a backlog of a whole message
 * costs one entry.
 */
final class PacketQueue {
    private int[] messages = new int[8];
    private int[] hops = new int[8];
    private int[] firsts = new int[8];
    private int[] counts = new int[8];
    private int head;
    private int size;
    private int packets;

    boolean isEmpty() {
        return size == 0;
    }

    /** Packets waiting (not runs). */
    int packets() {
        return packets;
    }

    void add(int message, int hop, int first, int count) {
        packets += count;
        if (size > 0) {
            int tail = (head + size - 1) & (messages.length - 1);
            if (messages[tail] == message && hops[tail] == hop && firsts[tail] + counts[tail] == first) {
                counts[tail] += count;
                return;
            }
        }
        if (size == messages.length) {
            grow();
        }
        int slot = (head + size) & (messages.length - 1);
        messages[slot] = message;
        hops[slot] = hop;
        firsts[slot] = first;
        counts[slot] = count;
        size++;
    }

    int headMessage() {
        return messages[head];
    }

    int headHop() {
        return hops[head];
    }

    /** Removes and returns the first packet index of the head run. */
    int takeHeadPacket() {
        int packet = firsts[head];
        packets--;
        if (--counts[head] == 0) {
            head = (head + 1) & (messages.length - 1);
            size--;
        } else {
            firsts[head] = packet + 1;
        }
        return packet;
    }

    private void grow() {
        int capacity = messages.length * 2;
        messages = unroll(messages, capacity);
        hops = unroll(hops, capacity);
        firsts = unroll(firsts, capacity);
        counts = unroll(counts, capacity);
        head = 0;
    }

    private int[] unroll(int[] ring, int capacity) {
        int[] copy = new int[capacity];
        int firstPart = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, copy, 0, firstPart);
        System.arraycopy(ring, 0, copy, firstPart, size - firstPart);
        return copy;
    }
}
