package dev.crest.netsim.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events ordered by (time, insertion sequence), stored interleaved in one primitive array
 * (four longs per event: time bits, sequence, kind+first argument, second+third argument) so scheduling allocates
 * nothing once the array has grown and a comparison touches one cache line. Equal times pop in insertion order,
 * which makes a run reproducible bit for bit. Times must be non-negative: their raw IEEE bits then order like the
 * values, so comparisons are integer comparisons.
 */
public final class EventQueue {
    private static final int STRIDE = 4;
    private static final int ARITY = 4;

    private long[] heap = new long[64 * STRIDE];
    private int size;
    private long nextSequence;

    private double topTime;
    private int topKind;
    private int topFirst;
    private int topSecond;
    private int topThird;

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** Adds an event at a non-negative time. */
    public void push(double time, int kind, int first, int second, int third) {
        if (!(time >= 0)) {
            throw new IllegalArgumentException("event time must be non-negative, got " + time);
        }
        if ((size + 1) * STRIDE > heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        // +0.0 and -0.0 compare equal as doubles but not as bits; the check above lets -0.0 through, so normalise.
        long timeBits = Double.doubleToRawLongBits(time + 0.0);
        long sequence = nextSequence++;
        long head = ((long) kind << 32) | (first & 0xFFFFFFFFL);
        long tail = ((long) second << 32) | (third & 0xFFFFFFFFL);
        int hole = size++;
        while (hole > 0) {
            int parent = (hole - 1) / ARITY;
            int p = parent * STRIDE;
            if (!before(timeBits, sequence, heap[p], heap[p + 1])) {
                break;
            }
            copy(p, hole * STRIDE);
            hole = parent;
        }
        int h = hole * STRIDE;
        heap[h] = timeBits;
        heap[h + 1] = sequence;
        heap[h + 2] = head;
        heap[h + 3] = tail;
    }

    /** Removes the earliest event; read it with {@link #time()}, {@link #kind()} and the argument accessors. */
    public void pop() {
        if (size == 0) {
            throw new IllegalStateException("pop from an empty event queue");
        }
        long[] h = heap;
        topTime = Double.longBitsToDouble(h[0]);
        topKind = (int) (h[2] >>> 32);
        topFirst = (int) h[2];
        topSecond = (int) (h[3] >>> 32);
        topThird = (int) h[3];
        int last = --size;
        if (last == 0) {
            return;
        }
        int l = last * STRIDE;
        long timeBits = h[l];
        long sequence = h[l + 1];
        long head = h[l + 2];
        long tail = h[l + 3];
        int hole = 0;
        while (true) {
            int firstChild = hole * ARITY + 1;
            if (firstChild >= last) {
                break;
            }
            int best = firstChild;
            int b = best * STRIDE;
            int end = Math.min(firstChild + ARITY, last);
            for (int child = firstChild + 1; child < end; child++) {
                int c = child * STRIDE;
                if (before(h[c], h[c + 1], h[b], h[b + 1])) {
                    best = child;
                    b = c;
                }
            }
            if (!before(h[b], h[b + 1], timeBits, sequence)) {
                break;
            }
            copy(b, hole * STRIDE);
            hole = best;
        }
        int o = hole * STRIDE;
        h[o] = timeBits;
        h[o + 1] = sequence;
        h[o + 2] = head;
        h[o + 3] = tail;
    }

    /** Time of the event last popped. */
    public double time() {
        return topTime;
    }

    public int kind() {
        return topKind;
    }

    public int first() {
        return topFirst;
    }

    public int second() {
        return topSecond;
    }

    public int third() {
        return topThird;
    }

    private static boolean before(long timeA, long sequenceA, long timeB, long sequenceB) {
        return timeA < timeB || (timeA == timeB && sequenceA < sequenceB);
    }

    private void copy(int from, int to) {
        heap[to] = heap[from];
        heap[to + 1] = heap[from + 1];
        heap[to + 2] = heap[from + 2];
        heap[to + 3] = heap[from + 3];
    }
}
