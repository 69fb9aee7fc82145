package dev.crest.tensor.data;

import dev.crest.tensor.TensorException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Splits a {@link Dataset} into mini-batches, reshuffled every epoch. The order of epoch {@code e} depends
 * only on the seed and {@code e}, so a run can be repeated or resumed at any epoch. The last batch of an
 * epoch is smaller when the batch size does not divide the data set.
 */
public final class MiniBatches {
    /** Odd constant (the golden-ratio increment of SplitMix64) that spreads epoch numbers across seeds. */
    private static final long EPOCH_STRIDE = 0x9E3779B97F4A7C15L;

    private final Dataset dataset;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;

    /** Shuffled batches of {@code batchSize} drawn from {@code dataset}, seeded by {@code seed}. */
    public MiniBatches(Dataset dataset, int batchSize, long seed) {
        this(dataset, batchSize, seed, true);
    }

    private MiniBatches(Dataset dataset, int batchSize, long seed, boolean shuffle) {
        if (batchSize < 1) {
            throw new TensorException("batch size must be at least 1, got " + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
    }

    /** Batches in data set order, without shuffling (for evaluation). */
    public static MiniBatches inOrder(Dataset dataset, int batchSize) {
        return new MiniBatches(dataset, batchSize, 0, false);
    }

    public int batchSize() {
        return batchSize;
    }

    /** Number of batches per epoch. */
    public int batchCount() {
        return (dataset.size() + batchSize - 1) / batchSize;
    }

    /** The example order of epoch {@code epoch} (a fresh array). */
    public int[] order(int epoch) {
        int n = dataset.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(seed + EPOCH_STRIDE * epoch);
            // Fisher–Yates
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        return order;
    }

    /** The batches of epoch {@code epoch}, gathered lazily as the iteration proceeds. */
    public Iterable<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(next + batchSize, order.length);
                Batch batch = dataset.gather(order, next, end);
                next = end;
                return batch;
            }
        };
    }
}
