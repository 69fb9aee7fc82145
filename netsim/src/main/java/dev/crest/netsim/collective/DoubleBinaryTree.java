package dev.crest.netsim.collective;

import java.util.Arrays;

/**
 * The two complementary binary trees of the double-binary-tree all-reduce (Sanders, Speck and Träff, "Two-tree
 * algorithms for full bandwidth broadcast, reduction and scan", Parallel Computing 2009; NCCL's trees). The
 * first tree is the in-order tree over positions 1..N in which a position's level is its lowest set bit, so
 * every odd position is a leaf; the second maps positions to workers mirrored (N even) or shifted by one (N
 * odd), so that no worker is an inner node of both trees. Each tree then carries half
 * of every chunk, so no worker sends or receives more than about twice the model size.
 */
public final class DoubleBinaryTree {
    private static final int NONE = -1;

    private final int workers;
    /** [tree][worker] → parent worker or NONE. */
    private final int[][] parent;
    /** [tree][worker] → up to two children, NONE when absent. */
    private final int[][] firstChild;
    private final int[][] secondChild;
    private final int[] root = new int[2];

    /** Builds both trees over {@code workers} workers numbered 0..workers−1. */
    public DoubleBinaryTree(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a tree needs at least one worker, got " + workers);
        }
        this.workers = workers;
        parent = new int[2][workers];
        firstChild = new int[2][workers];
        secondChild = new int[2][workers];
        for (int tree = 0; tree < 2; tree++) {
            Arrays.fill(parent[tree], NONE);
            Arrays.fill(firstChild[tree], NONE);
            Arrays.fill(secondChild[tree], NONE);
            for (int position = 1; position <= workers; position++) {
                int up = parentPosition(position, workers);
                int w = workerAt(tree, position);
                if (up == NONE) {
                    root[tree] = w;
                    continue;
                }
                int p = workerAt(tree, up);
                parent[tree][w] = p;
                if (firstChild[tree][p] == NONE) {
                    firstChild[tree][p] = w;
                } else {
                    secondChild[tree][p] = w;
                }
            }
        }
    }

    /**
     * Parent of a 1-based position in the in-order tree: of {@code p ± low(p)}, the one one level up, unless it
     * lies beyond N, in which case {@code p − low(p)} (an ancestor further up that lacks its right child).
     */
    private static int parentPosition(int position, int n) {
        int low = position & -position;
        int below = position - low;
        int above = position + low;
        int sameLevelUp = ((above & -above) == 2 * low) ? above : below;
        if (sameLevelUp >= 1 && sameLevelUp <= n) {
            return sameLevelUp;
        }
        return below >= 1 ? below : NONE;
    }

    private int workerAt(int tree, int position) {
        if (tree == 0) {
            return position - 1;
        }
        return workers % 2 == 0 ? workers - position : position % workers;
    }

    /** Number of workers the trees span. */
    public int workers() {
        return workers;
    }

    /** Root worker of tree 0 or 1. */
    public int root(int tree) {
        return root[tree];
    }

    /** Parent of {@code worker} in {@code tree}, or −1 at the root. */
    public int parent(int tree, int worker) {
        return parent[tree][worker];
    }

    /** Number of children (0, 1 or 2) of {@code worker} in {@code tree}. */
    public int childCount(int tree, int worker) {
        return (firstChild[tree][worker] == NONE ? 0 : 1) + (secondChild[tree][worker] == NONE ? 0 : 1);
    }

    /** The {@code index}-th (0 or 1) child of {@code worker} in {@code tree}. */
    public int child(int tree, int worker, int index) {
        int c = index == 0 ? firstChild[tree][worker] : secondChild[tree][worker];
        if (c == NONE) {
            throw new IndexOutOfBoundsException("worker " + worker + " has no child " + index + " in tree " + tree);
        }
        return c;
    }
}
