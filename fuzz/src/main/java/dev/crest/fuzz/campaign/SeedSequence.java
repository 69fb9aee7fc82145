package dev.crest.fuzz.campaign;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Hands out a campaign's models to its pipelines: model {@code i}'s seed is the {@code i}-th draw from the campaign
 * seed, each model goes to exactly one pipeline, and none beyond the model count. It also remembers which models
 * were finished, as the first {@code n} plus the few finished out of order, so that a resumed campaign skips exactly
 * those and tests again any that were in flight when the earlier run stopped. Safe to use from several threads.
 */
final class SeedSequence {
    /** One model to prepare: its position in the campaign's sequence and its seed. */
    record Claim(long index, long seed) {
    }

    private final SplittableRandom draws;
    private final long limit;
    private long nextIndex;
    private long finishedPrefix;
    /** Finished models at or after {@link #finishedPrefix}; at most a few (one per pipeline) at any time. */
    private final TreeSet<Long> finishedAfter = new TreeSet<>();

    /**
     * A sequence from {@code campaignSeed} up to {@code limit} models, where an earlier run finished the first
     * {@code finished.prefix()} models and those in {@code finished.after()}.
     */
    SeedSequence(long campaignSeed, long limit, Finished finished) {
        this.draws = new SplittableRandom(campaignSeed);
        this.limit = limit;
        this.finishedPrefix = finished.prefix();
        this.finishedAfter.addAll(finished.after());
        for (long i = 0; i < finished.prefix(); i++) {
            draws.nextLong();
        }
        this.nextIndex = finished.prefix();
    }

    /** Which models of a campaign are finished: the first {@code prefix} and those listed in {@code after}. */
    record Finished(long prefix, List<Long> after) {
        Finished {
            after = List.copyOf(after);
        }

        /** Nothing finished yet. */
        static Finished none() {
            return new Finished(0, List.of());
        }

        /** How many models are finished. */
        long count() {
            return prefix + after.size();
        }
    }

    /** The next model nobody has claimed or finished, or empty when the model count is reached. */
    synchronized Optional<Claim> claim() {
        while (nextIndex < limit) {
            long index = nextIndex++;
            long seed = draws.nextLong();
            if (!finishedAfter.contains(index)) {
                return Optional.of(new Claim(index, seed));
            }
        }
        return Optional.empty();
    }

    /** Marks the model at {@code index} as tested (or failed to generate), so a resumed campaign skips it. */
    synchronized void finish(long index) {
        finishedAfter.add(index);
        while (finishedAfter.remove(finishedPrefix)) {
            finishedPrefix++;
        }
    }

    /** The models finished so far. */
    synchronized Finished finished() {
        return new Finished(finishedPrefix, List.copyOf(finishedAfter));
    }
}
