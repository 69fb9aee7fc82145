package dev.crest.netsim.collective;

import dev.crest.netsim.workload.Workload;

/**
 * An all-reduce algorithm written as a reaction to two kinds of events: a worker's local gradient for a tensor
 * becomes ready, and a message reaches a worker. It keeps per-chunk counters in flat arrays and sends through a
 * {@link CollectiveFabric}, so it generates its schedule lazily and allocates nothing per message or packet. It
 * tells the fabric when each worker holds every reduced gradient.
 */
public abstract class AllReduceProtocol {
    protected final int workers;
    protected final Workload workload;
    private final int tensors;
    private final boolean[] gradientReady;
    private final int[] readyTensors;
    private final long[] heldUnits;
    private CollectiveFabric fabric;
    private int finishedWorkers;

    protected AllReduceProtocol(int workers, Workload workload) {
        if (workers < 1) {
            throw new IllegalArgumentException("an all-reduce needs at least one worker, got " + workers);
        }
        this.workers = workers;
        this.workload = workload;
        this.tensors = workload.tensors().size();
        this.gradientReady = new boolean[workers * tensors];
        this.readyTensors = new int[workers];
        this.heldUnits = new long[workers];
    }

    /** Binds the protocol to the network it sends through; call once before any event. */
    public final void attach(CollectiveFabric fabric) {
        if (this.fabric != null) {
            throw new IllegalStateException("protocol already attached");
        }
        this.fabric = fabric;
    }

    /** Worker {@code worker} has computed its gradient of tensor {@code tensor}. */
    public final void onGradientReady(int worker, int tensor) {
        if (gradientReady[worker * tensors + tensor]) {
            throw new IllegalStateException("worker " + worker + " emitted tensor " + tensor + " twice");
        }
        gradientReady[worker * tensors + tensor] = true;
        readyTensors[worker]++;
        if (workers == 1) {
            // Nothing to exchange: the lone worker's gradients are already the reduced ones.
            if (readyTensors[worker] == tensors) {
                finish(worker);
            }
            return;
        }
        gradientArrived(worker, tensor);
    }

    /** A message the protocol sent under {@code tag} has fully arrived at {@code worker}. */
    public abstract void onDelivered(int worker, long tag);

    /** A worker's message sent with {@link CollectiveFabric#sendToSwitch} has reached the switch. */
    public void onSwitchReceived(int fromWorker) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " sends nothing to switches");
    }

    /** An aggregate sent with {@link CollectiveFabric#sendToRoot} from rack {@code rack} has reached the root. */
    public void onRootReceived(int rack) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " sends nothing to a root switch");
    }

    /** A message multicast with {@link CollectiveFabric#multicastFromSwitch} has reached {@code worker}. */
    public void onSwitchResult(int worker) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " expects nothing from switches");
    }

    /** Whether every worker holds every reduced gradient. */
    public final boolean finished() {
        return finishedWorkers == workers;
    }

    /** Reacts to a new local gradient; only called with two or more workers. */
    protected abstract void gradientArrived(int worker, int tensor);

    /** How many units (chunks, halves, packets: the protocol's choice) a worker must hold to be done. */
    protected abstract long unitsPerWorker();

    protected final boolean hasGradient(int worker, int tensor) {
        return gradientReady[worker * tensors + tensor];
    }

    protected final CollectiveFabric fabric() {
        return fabric;
    }

    /** Records that {@code worker} now holds {@code units} more reduced units. */
    protected final void hold(int worker, long units) {
        heldUnits[worker] += units;
        if (heldUnits[worker] == unitsPerWorker()) {
            finish(worker);
        } else if (heldUnits[worker] > unitsPerWorker()) {
            throw new IllegalStateException("worker " + worker + " received more reduced data than exists");
        }
    }

    private void finish(int worker) {
        finishedWorkers++;
        fabric.workerFinished(worker);
    }

    /** Packs a chunk (or packet) index and a step number into a message tag. */
    protected static long tag(int unit, int step) {
        return ((long) unit << 32) | (step & 0xFFFFFFFFL);
    }

    protected static int unitOf(long tag) {
        return (int) (tag >>> 32);
    }

    protected static int stepOf(long tag) {
        return (int) tag;
    }
}
