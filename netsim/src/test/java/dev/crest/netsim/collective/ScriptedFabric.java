package dev.crest.netsim.collective;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A timeless test network for protocols: messages wait in per-channel FIFO queues and are delivered one at a
 * time in a seeded random order across channels, interleaved with the gradients still to be produced. Besides
 * counting traffic it tracks causality: each worker (and the switch) knows which (worker, tensor) gradients
 * causally precede its present state, a message carries its sender's knowledge, and a worker that reports
 * holding every reduced gradient must know of every gradient of every worker — the necessary condition for a
 * correct all-reduce.
 */
final class ScriptedFabric implements CollectiveFabric {
    /** Switch endpoints: the ToR of rack r is −1 − r, the root switch is ROOT. */
    private static final int ROOT = Integer.MIN_VALUE;

    private record Message(int from, int to, long bits, long tag, BitSet knowledge) {
    }

    private final AllReduceProtocol protocol;
    private final int workers;
    private final int tensors;
    private final SplittableRandom random;
    private final Map<Long, Deque<Message>> channels = new LinkedHashMap<>();
    private final BitSet[] knowledge;
    private final Map<Integer, BitSet> switchKnowledge = new HashMap<>();
    private final int[] rackOfWorker;
    private final boolean oneRack;
    final long[] bitsSent;
    final long[] bitsReceived;
    final int[] finishedCount;
    final List<Integer> finishOrder = new ArrayList<>();

    ScriptedFabric(AllReduceProtocol protocol, int workers, int tensors, long seed) {
        this(protocol, workers, tensors, seed, new int[workers]);
    }

    ScriptedFabric(AllReduceProtocol protocol, int workers, int tensors, long seed, int[] rackOfWorker) {
        this.protocol = protocol;
        this.rackOfWorker = rackOfWorker;
        this.oneRack = Arrays.stream(rackOfWorker).allMatch(r -> r == 0);
        this.workers = workers;
        this.tensors = tensors;
        this.random = new SplittableRandom(seed);
        this.knowledge = new BitSet[workers];
        for (int w = 0; w < workers; w++) {
            knowledge[w] = new BitSet();
        }
        bitsSent = new long[workers];
        bitsReceived = new long[workers];
        finishedCount = new int[workers];
        protocol.attach(this);
    }

    /** Produces the listed (worker, tensor) gradients interleaved randomly with deliveries, then drains. */
    void run(List<int[]> gradients) {
        int next = 0;
        while (next < gradients.size() || !channels.isEmpty()) {
            boolean produce = next < gradients.size() && (channels.isEmpty() || random.nextInt(3) == 0);
            if (produce) {
                int[] g = gradients.get(next++);
                knowledge[g[0]].set(g[0] * tensors + g[1]);
                protocol.onGradientReady(g[0], g[1]);
            } else {
                deliverOne();
            }
        }
    }

    /** Every (worker, tensor) pair, in a seeded random order that keeps each worker's tensors in backprop order. */
    static List<int[]> allGradients(int workers, List<Integer> backpropOrder, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] progress = new int[workers];
        List<int[]> out = new ArrayList<>();
        int remaining = workers * backpropOrder.size();
        while (remaining-- > 0) {
            int w;
            do {
                w = r.nextInt(workers);
            } while (progress[w] == backpropOrder.size());
            out.add(new int[] {w, backpropOrder.get(progress[w]++)});
        }
        return out;
    }

    private void deliverOne() {
        int pick = random.nextInt(channels.size());
        Map.Entry<Long, Deque<Message>> entry = null;
        for (Map.Entry<Long, Deque<Message>> e : channels.entrySet()) {
            if (pick-- == 0) {
                entry = e;
                break;
            }
        }
        Message m = entry.getValue().poll();
        if (entry.getValue().isEmpty()) {
            channels.remove(entry.getKey());
        }
        if (m.to() < 0) {
            knowledgeOf(m.to()).or(m.knowledge());
            if (m.to() == ROOT) {
                protocol.onRootReceived(-1 - m.from());
            } else {
                protocol.onSwitchReceived(m.from());
            }
            return;
        }
        knowledge[m.to()].or(m.knowledge());
        bitsReceived[m.to()] += m.bits();
        if (m.from() < 0) {
            protocol.onSwitchResult(m.to());
        } else {
            protocol.onDelivered(m.to(), m.tag());
        }
    }

    private void enqueue(Message m) {
        long key = ((long) m.from() << 32) | (m.to() & 0xFFFFFFFFL);
        channels.computeIfAbsent(key, k -> new ArrayDeque<>()).add(m);
    }

    @Override
    public void send(int fromWorker, int toWorker, long bits, long tag) {
        if (fromWorker == toWorker || bits <= 0) {
            throw new AssertionError("bad send " + fromWorker + "→" + toWorker + " of " + bits + " bits");
        }
        bitsSent[fromWorker] += bits;
        enqueue(new Message(fromWorker, toWorker, bits, tag, (BitSet) knowledge[fromWorker].clone()));
    }

    @Override
    public void sendPrioritized(int fromWorker, int toWorker, long bits, long tag, long priority) {
        send(fromWorker, toWorker, bits, tag);
    }

    @Override
    public void multicast(int fromWorker, long bits, long tag) {
        bitsSent[fromWorker] += bits;
        for (int w = 0; w < workers; w++) {
            if (w != fromWorker) {
                enqueue(new Message(fromWorker, w, bits, tag, (BitSet) knowledge[fromWorker].clone()));
            }
        }
    }

    private BitSet knowledgeOf(int switchId) {
        return switchKnowledge.computeIfAbsent(switchId, k -> new BitSet());
    }

    @Override
    public void sendToSwitch(int fromWorker, long bits) {
        bitsSent[fromWorker] += bits;
        enqueue(new Message(fromWorker, -1 - rackOfWorker[fromWorker], bits, 0,
                (BitSet) knowledge[fromWorker].clone()));
    }

    @Override
    public void sendToRoot(int rack, long bits) {
        enqueue(new Message(-1 - rack, ROOT, bits, 0, (BitSet) knowledgeOf(-1 - rack).clone()));
    }

    @Override
    public void multicastFromSwitch(long bits) {
        int root = oneRack ? -1 : ROOT;
        for (int w = 0; w < workers; w++) {
            enqueue(new Message(root, w, bits, 0, (BitSet) knowledgeOf(root).clone()));
        }
    }

    @Override
    public void workerFinished(int worker) {
        finishedCount[worker]++;
        finishOrder.add(worker);
        if (knowledge[worker].cardinality() != workers * tensors) {
            throw new AssertionError("worker " + worker + " finished knowing only " + knowledge[worker].cardinality()
                    + " of " + workers * tensors + " gradients");
        }
    }
}
