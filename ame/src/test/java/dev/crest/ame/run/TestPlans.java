package dev.crest.ame.run;

import java.util.BitSet;
import java.util.SplittableRandom;

/** Simple seeded designs for runner tests, independent of the real design module. */
final class TestPlans {
    private static final double[] GRID = {0.2, 0.4, 0.6, 0.8};

    private TestPlans() {
    }

    /** Submodel j: p from the grid and a Bernoulli(p) mask over n points, both from a generator seeded by j. */
    static SubsetPlan bernoulli(int n, long seed) {
        return j -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + j);
            double p = GRID[random.nextInt(GRID.length)];
            BitSet mask = new BitSet(n);
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    mask.set(i);
                }
            }
            return new PlannedSubset(j, p, mask);
        };
    }
}
