package dev.crest.ame.design;

import dev.crest.ame.AmeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The randomized subset design of the AME estimator: submodel {@code j} draws its inclusion probability
 * {@code p_j} uniformly from a grid, then includes each of the N training points independently with
 * probability {@code p_j}.
 *
 * <p>The design is prefix-stable: submodel {@code j} depends only on {@code (seed, j)} (each submodel has its
 * own random stream, derived by mixing the seed with {@code j}), so asking for more submodels extends the
 * same design and every submodel already trained stays valid. Submodels are generated on demand; nothing is
 * cached.
 */
public final class Design {
    /** The grid used when the user gives none: {0.2, 0.4, 0.6, 0.8}, as in the AME paper. */
    private static final double[] DEFAULT_GRID = {0.2, 0.4, 0.6, 0.8};
    /** More distinct probabilities than this leave too few submodels per bucket column to be useful. */
    public static final int MAX_GRID_VALUES = 20;

    private final int points;
    private final double[] grid;
    private final long seed;

    /**
     * @param points number of training points N (at least 1)
     * @param grid   the inclusion probabilities; each strictly inside (0, 1), distinct, at most
     *               {@link #MAX_GRID_VALUES}
     * @param seed   seed of the whole design
     * @throws AmeException when a setting is invalid
     */
    public Design(int points, double[] grid, long seed) {
        if (points < 1) {
            throw new AmeException("the design needs at least one training point, got " + points);
        }
        this.points = points;
        this.grid = validateGrid(grid);
        this.seed = seed;
    }

    /** A design over {@code points} training points with the default grid {0.2, 0.4, 0.6, 0.8}. */
    public static Design withDefaultGrid(int points, long seed) {
        return new Design(points, DEFAULT_GRID, seed);
    }

    /** The default grid {0.2, 0.4, 0.6, 0.8} (a fresh copy). */
    public static double[] defaultGrid() {
        return DEFAULT_GRID.clone();
    }

    private static double[] validateGrid(double[] grid) {
        if (grid == null || grid.length == 0) {
            throw new AmeException("the probability grid is empty; give at least one value in (0, 1)");
        }
        if (grid.length > MAX_GRID_VALUES) {
            throw new AmeException("the probability grid has " + grid.length + " values; at most "
                    + MAX_GRID_VALUES + " make sense (each needs its own submodels)");
        }
        for (double p : grid) {
            if (!(p > 0 && p < 1)) {
                throw new AmeException("grid probability " + p + " is not strictly between 0 and 1");
            }
        }
        double[] sorted = grid.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                throw new AmeException("grid probability " + sorted[k] + " appears twice; grid values must be distinct");
            }
        }
        return grid.clone();
    }

    /** Number of training points N. */
    public int points() {
        return points;
    }

    /** The probability grid, in the order given (a fresh copy); bucket {@code b} is {@code grid()[b]}. */
    public double[] grid() {
        return grid.clone();
    }

    /** The design's seed. */
    public long seed() {
        return seed;
    }

    /** Submodel {@code j}: a pure function of {@code (seed, j)}. */
    public Submodel submodel(int j) {
        if (j < 0) {
            throw new IllegalArgumentException("submodel index must be non-negative: " + j);
        }
        SplittableRandom random = streamFor(seed, j);
        int gridIndex = random.nextInt(grid.length);
        double p = grid[gridIndex];
        return new Submodel(j, gridIndex, p, bernoulliMask(random, points, p));
    }

    /** Submodels {@code 0 .. count-1}, the first {@code count} rows of the design. */
    public List<Submodel> submodels(int count) {
        return firstRows(count, this::submodel);
    }

    /**
     * Draws one inclusion mask: each of {@code points} points is kept with probability {@code p}, one draw of
     * {@code random} per point in index order (so masks are reproducible from the row's stream).
     */
    public static BitSet bernoulliMask(SplittableRandom random, int points, double p) {
        BitSet mask = new BitSet(points);
        for (int i = 0; i < points; i++) {
            if (random.nextDouble() < p) {
                mask.set(i);
            }
        }
        return mask;
    }

    /** Rows {@code 0 .. count-1} of any per-row design, in order; {@code count} must be non-negative. */
    public static List<Submodel> firstRows(int count, IntFunction<Submodel> row) {
        if (count < 0) {
            throw new AmeException("the number of submodels must be non-negative, got " + count);
        }
        List<Submodel> rows = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            rows.add(row.apply(j));
        }
        return rows;
    }

    /**
     * An independent random stream for row {@code j} of a design seeded with {@code seed}; other estimators
     * (e.g. knockoff copies) derive their own per-row streams the same way with a different seed.
     */
    public static SplittableRandom streamFor(long seed, long j) {
        // SplitMix64's finalizer spreads (seed, j) so neighbouring rows get unrelated streams.
        long z = seed + (j + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return new SplittableRandom(z);
    }
}
