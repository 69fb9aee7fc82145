package dev.crest.netsim.collective;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.TensorSpec;
import java.util.List;

/**
 * How the all-reduce strategies cut gradient tensors into chunks: every tensor, in model order, is split into
 * pieces of at most {@code chunkBits} (the last piece of a tensor takes the remainder), and chunks are numbered
 * globally in that order. The number is what round-robin rooting and per-chunk bookkeeping index by.
 */
public final class ChunkPlan {
    /** The reference simulator's ring chunk size: 16 Mb. */
    public static final long DEFAULT_CHUNK_BITS = 16_000_000L;

    private final int[] tensorOfChunk;
    private final long[] bitsOfChunk;
    private final int[] firstChunkOfTensor;

    private ChunkPlan(int[] tensorOfChunk, long[] bitsOfChunk, int[] firstChunkOfTensor) {
        this.tensorOfChunk = tensorOfChunk;
        this.bitsOfChunk = bitsOfChunk;
        this.firstChunkOfTensor = firstChunkOfTensor;
    }

    /** Cuts {@code tensors} into chunks of at most {@code chunkBits}. */
    public static ChunkPlan of(List<TensorSpec> tensors, long chunkBits) {
        if (chunkBits <= 0) {
            throw new NetsimException("chunk size must be positive, got " + chunkBits + " bits");
        }
        int[] first = new int[tensors.size() + 1];
        long total = 0;
        for (int t = 0; t < tensors.size(); t++) {
            first[t] = Math.toIntExact(total);
            total += (tensors.get(t).bits() + chunkBits - 1) / chunkBits;
            if (total > Integer.MAX_VALUE) {
                throw new NetsimException("chunk size " + chunkBits + " bits cuts the model into more than "
                        + Integer.MAX_VALUE + " chunks; use a larger chunk size");
            }
        }
        first[tensors.size()] = (int) total;
        int[] tensorOf = new int[(int) total];
        long[] bitsOf = new long[(int) total];
        for (int t = 0; t < tensors.size(); t++) {
            long remaining = tensors.get(t).bits();
            for (int c = first[t]; c < first[t + 1]; c++) {
                tensorOf[c] = t;
                bitsOf[c] = Math.min(chunkBits, remaining);
                remaining -= bitsOf[c];
            }
        }
        return new ChunkPlan(tensorOf, bitsOf, first);
    }

    /** Number of chunks over all tensors. */
    public int chunkCount() {
        return tensorOfChunk.length;
    }

    /** Number of tensors the plan was made from. */
    public int tensorCount() {
        return firstChunkOfTensor.length - 1;
    }

    /** Index of the tensor chunk {@code chunk} belongs to. */
    public int tensorOf(int chunk) {
        return tensorOfChunk[chunk];
    }

    /** Size of chunk {@code chunk} in bits. */
    public long bitsOf(int chunk) {
        return bitsOfChunk[chunk];
    }

    /** Global index of the first chunk of tensor {@code tensor}. */
    public int firstChunkOf(int tensor) {
        return firstChunkOfTensor[tensor];
    }

    /** One past the global index of the last chunk of tensor {@code tensor}. */
    public int endChunkOf(int tensor) {
        return firstChunkOfTensor[tensor + 1];
    }
}
