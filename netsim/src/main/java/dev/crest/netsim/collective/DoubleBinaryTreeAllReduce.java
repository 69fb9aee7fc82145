package dev.crest.netsim.collective;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.Workload;

/**
 * Tree all-reduce over the two complementary trees of {@link DoubleBinaryTree}, as NCCL does it: each chunk is
 * halved, half 0 is reduced up tree 0 and broadcast back down it, half 1 the same on tree 1. A worker sends its
 * partial sum to its parent once its own gradient exists and both (or its one) children's sums have arrived;
 * the root then holds the reduced half and sends it to its children, and every worker forwards what it
 * receives from its parent to its children. Because every worker is an inner node of at most one tree, no
 * worker sends or receives more than about 2M for a model of M bits; a single binary tree would need 3M.
 */
public final class DoubleBinaryTreeAllReduce extends AllReduceProtocol {
    private static final int UP = 0;
    private static final int DOWN = 1;

    private final ChunkPlan plan;
    private final DoubleBinaryTree trees;
    private final long units;
    /** [(tree × chunks + chunk) × N + worker] → children sums received, or −1 once sent upwards. */
    private final byte[] upState;

    public DoubleBinaryTreeAllReduce(int workers, Workload workload, long chunkBits) {
        super(workers, workload);
        this.plan = ChunkPlan.of(workload.tensors(), chunkBits);
        this.trees = new DoubleBinaryTree(workers);
        long states = 2L * plan.chunkCount() * workers;
        if (states > Integer.MAX_VALUE) {
            throw new NetsimException("tree: " + plan.chunkCount() + " chunks on " + workers
                    + " workers is too much state; use a larger chunk size");
        }
        this.upState = new byte[(int) states];
        long u = 0;
        for (int c = 0; c < plan.chunkCount(); c++) {
            u += halfBits(c, 1) > 0 ? 2 : 1;
        }
        this.units = u;
    }

    /** The two trees this all-reduce runs on. */
    public DoubleBinaryTree trees() {
        return trees;
    }

    /** Bits of {@code chunk} carried by {@code tree}: the first tree takes the odd bit. */
    private long halfBits(int chunk, int tree) {
        long bits = plan.bitsOf(chunk);
        return tree == 0 ? bits - bits / 2 : bits / 2;
    }

    @Override
    protected long unitsPerWorker() {
        return units;
    }

    @Override
    protected void gradientArrived(int worker, int tensor) {
        for (int c = plan.firstChunkOf(tensor); c < plan.endChunkOf(tensor); c++) {
            for (int tree = 0; tree < 2; tree++) {
                if (halfBits(c, tree) > 0) {
                    tryReduceUp(tree, c, worker);
                }
            }
        }
    }

    @Override
    public void onDelivered(int worker, long tag) {
        int chunk = unitOf(tag);
        int tree = stepOf(tag) >> 1;
        if ((stepOf(tag) & 1) == UP) {
            upState[state(tree, chunk, worker)]++;
            tryReduceUp(tree, chunk, worker);
        } else {
            hold(worker, 1);
            sendToChildren(tree, chunk, worker);
        }
    }

    private int state(int tree, int chunk, int worker) {
        return (tree * plan.chunkCount() + chunk) * workers + worker;
    }

    private void tryReduceUp(int tree, int chunk, int worker) {
        int s = state(tree, chunk, worker);
        if (upState[s] != trees.childCount(tree, worker) || !hasGradient(worker, plan.tensorOf(chunk))) {
            return;
        }
        upState[s] = -1;
        int parent = trees.parent(tree, worker);
        if (parent >= 0) {
            fabric().sendPrioritized(worker, parent, halfBits(chunk, tree), tag(chunk, tree << 1 | UP), chunk);
            return;
        }
        hold(worker, 1);
        sendToChildren(tree, chunk, worker);
    }

    private void sendToChildren(int tree, int chunk, int worker) {
        for (int i = 0; i < trees.childCount(tree, worker); i++) {
            fabric().sendPrioritized(worker, trees.child(tree, worker, i), halfBits(chunk, tree),
                    tag(chunk, tree << 1 | DOWN), chunk);
        }
    }
}
