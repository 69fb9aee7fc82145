package dev.crest.ame.run;

/**
 * The training seed of submodel j, a function of the run seed and j alone (a SplitMix64 finalizer over both),
 * so results do not depend on scheduling, on the range a run covers, or on whether it was resumed.
 */
public final class TaskSeeds {
    /** Odd golden-ratio increment of SplitMix64, spreading consecutive indices apart. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private TaskSeeds() {
    }

    public static long seed(long runSeed, int index) {
        long z = runSeed + GOLDEN * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seeds of submodels {@code [from, to)}, drawn up front. */
    public static long[] seeds(long runSeed, int from, int to) {
        long[] seeds = new long[to - from];
        for (int j = from; j < to; j++) {
            seeds[j - from] = seed(runSeed, j);
        }
        return seeds;
    }
}
