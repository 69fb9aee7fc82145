package dev.crest.netsim.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, insertion sequence), stored in primitive arrays so scheduling
 * allocates nothing once the arrays have grown. Each event carries a kind and three int arguments. Equal times
 * pop in insertion order, which makes a run reproducible bit for bit.
 */
public final class EventQueue {
    private double[] times = new double[64];
    private long[] sequences = new long[64];
    private int[] kinds = new int[64];
    private int[] firstArgs = new int[64];
    private int[] secondArgs = new int[64];
    private int[] thirdArgs = new int[64];
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

    /** Adds an event. */
    public void push(double time, int kind, int first, int second, int third) {
        if (size == times.length) {
            grow();
        }
        long sequence = nextSequence++;
        int hole = size++;
        // Sift up: move parents down until the new event's place is found.
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        set(hole, time, sequence, kind, first, second, third);
    }

    /** Removes the earliest event; read it with {@link #time()}, {@link #kind()} and the argument accessors. */
    public void pop() {
        if (size == 0) {
            throw new IllegalStateException("pop from an empty event queue");
        }
        topTime = times[0];
        topKind = kinds[0];
        topFirst = firstArgs[0];
        topSecond = secondArgs[0];
        topThird = thirdArgs[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        double time = times[last];
        long sequence = sequences[last];
        int hole = 0;
        int half = last >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < last && before(times[right], sequences[right], times[child], sequences[child])) {
                child = right;
            }
            if (!before(times[child], sequences[child], time, sequence)) {
                break;
            }
            move(child, hole);
            hole = child;
        }
        set(hole, time, sequence, kinds[last], firstArgs[last], secondArgs[last], thirdArgs[last]);
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

    private static boolean before(double timeA, long sequenceA, double timeB, long sequenceB) {
        return timeA < timeB || (timeA == timeB && sequenceA < sequenceB);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        kinds[to] = kinds[from];
        firstArgs[to] = firstArgs[from];
        secondArgs[to] = secondArgs[from];
        thirdArgs[to] = thirdArgs[from];
    }

    private void set(int index, double time, long sequence, int kind, int first, int second, int third) {
        times[index] = time;
        sequences[index] = sequence;
        kinds[index] = kind;
        firstArgs[index] = first;
        secondArgs[index] = second;
        thirdArgs[index] = third;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        firstArgs = Arrays.copyOf(firstArgs, capacity);
        secondArgs = Arrays.copyOf(secondArgs, capacity);
        thirdArgs = Arrays.copyOf(thirdArgs, capacity);
    }
}
