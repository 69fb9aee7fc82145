package dev.crest.ame.lasso;

import java.util.Arrays;

/**
 * Coordinate descent over the strong set of one path fit. It starts in glmnet's "covariance mode": instead of a
 * residual, it keeps each strong column's gradient {@code X̃_iᵀr/M} and, when coefficient k moves by δ,
 * subtracts {@code δ·X̃_iᵀX̃_k/M} from every strong gradient. An update then costs one pass over the strong set
 * rather than over the M rows, and the column products come from {@link LassoPath#gramEntries} (popcounts on the
 * bit columns). Products are computed lazily, only between strong columns and columns that have ever been
 * nonzero, and kept for the rest of the path.
 *
 * <p>Once the strong set is large relative to M (or the product cache is full), an update through the products
 * costs more than one through the rows, so the caller switches it to "naive mode" ({@link #switchToResidual}):
 * it then keeps the residual and computes each gradient from it, touching only the column's set bits (see
 * {@link LassoPath#residualGradient}). The mode only ever changes from covariance to naive, because the strong
 * set only grows along the path.
 */
final class StrongSetDescent {
    private final LassoPath path;
    private final double[] curvature;
    /** Strong slot of each column, or −1. */
    private final int[] slotOf;
    /** Gram column index of each ever-nonzero column, or −1. */
    private final int[] gramOf;
    private int[] columns = new int[64];
    private double[] gradient = new double[64];
    private int size;
    /** {@code gram[g][s] = X̃_{columns[s]}ᵀX̃_k/M} for the g-th ever-nonzero column k, filled for slots below {@code filled[g]}. */
    private double[][] gram = new double[16][];
    private int[] filled = new int[16];
    private int gramCount;
    private final double[] reference;
    /** The default cap on cached products per path fit (2²⁴ doubles, 128 MB); see {@link #gramColumn}. */
    static final long DEFAULT_CACHE_BUDGET = 1L << 24;
    private final long cacheBudget;
    private long cachedEntries;
    private double[] scratch = new double[64];
    /** The strong columns' inclusion bits in slot order, so Gram columns stream through them sequentially. */
    private long[] strongBits;
    private final int words;
    /** ‖r − r_ref‖²/M, kept exactly in step with the coefficient updates. */
    private double referenceDistanceSquared;
    /** ‖r‖²/M, likewise. */
    private double residualSquares;
    /** Naive mode's residual, or null in covariance mode; see {@link LassoPath#residualGradient}. */
    private ResidualState residual;

    /**
     * @param reference        every column's gradient at the reference residual (owned by the caller, who
     *                         overwrites it and calls {@link #resetReference} after each full check)
     * @param residualSquares  ‖r‖²/M at the start (the null deviance)
     * @param cacheBudget      most column products to keep cached
     */
    StrongSetDescent(LassoPath path, double[] curvature, double[] reference, double residualSquares,
            long cacheBudget) {
        this.path = path;
        this.cacheBudget = cacheBudget;
        this.curvature = curvature;
        this.reference = reference;
        this.residualSquares = residualSquares;
        int columnCount = curvature.length;
        this.words = path.wordsPerColumn();
        this.strongBits = new long[64 * words];
        this.slotOf = new int[columnCount];
        this.gramOf = new int[columnCount];
        Arrays.fill(slotOf, -1);
        Arrays.fill(gramOf, -1);
    }

    /** Whether the descent runs in naive (residual) mode. */
    boolean usesResidual() {
        return residual != null;
    }

    /** Strong columns so far. */
    int size() {
        return size;
    }

    /** Whether the product cache can no longer take a full column for the current strong set. */
    boolean cacheFull() {
        return cachedEntries + size > cacheBudget;
    }

    /**
     * Switches to naive mode from the exact current residual {@code r} (bucket-centred, length M), dropping the
     * product cache. The strong gradients are not needed any more: naive mode computes each one on use.
     */
    void switchToResidual(double[] r) {
        residual = new ResidualState(path, r);
        gram = null;
        filled = null;
        cachedEntries = 0;
        strongBits = null;
    }

    /** Writes naive mode's exact residual into {@code r} (and rebases the mode on it, to shed drift). */
    void writeResidual(double[] r) {
        residual.write(r);
    }

    boolean contains(int column) {
        return slotOf[column] >= 0;
    }

    private long updates;
    private long referenceUpdates;

    /** The column in strong slot {@code slot}. */
    int column(int slot) {
        return columns[slot];
    }

    /** Adds a column to the strong set with its current gradient {@code X̃ᵀr/M}. */
    void add(int column, double currentGradient) {
        if (size == columns.length) {
            columns = Arrays.copyOf(columns, 2 * size);
            gradient = Arrays.copyOf(gradient, 2 * size);
        }
        if (residual == null) {
            if ((size + 1) * words > strongBits.length) {
                strongBits = Arrays.copyOf(strongBits, 2 * (size + 1) * words);
            }
            path.copyColumnBits(column, strongBits, size * words);
        }
        slotOf[column] = size;
        columns[size] = column;
        gradient[size] = currentGradient;
        size++;
    }

    /**
     * The caller recomputed the reference gradients from the current residual: adopt them for the strong set
     * (discarding rounding drift) and restart the distance from the reference.
     */
    void resetReference(double exactResidualSquares) {
        if (residual == null) {
            for (int s = 0; s < size; s++) {
                gradient[s] = reference[columns[s]];
            }
        }
        referenceDistanceSquared = 0;
        residualSquares = exactResidualSquares;
        referenceUpdates = updates;
    }

    /** Coefficient updates since the reference gradients were computed (0: they are exact for the current β). */
    long updatesSinceReference() {
        return updates - referenceUpdates;
    }

    /** ‖r − r_ref‖²/M for the current coefficients (never negative). */
    double referenceDistanceSquared() {
        return Math.max(referenceDistanceSquared, 0);
    }

    /** ‖r‖²/M for the current coefficients. */
    double residualSquares() {
        return Math.max(residualSquares, 0);
    }

    /** The strong columns whose coefficient is nonzero. */
    int[] nonzeroSlots(double[] beta) {
        int[] out = new int[size];
        int count = 0;
        for (int s = 0; s < size; s++) {
            if (beta[columns[s]] != 0) {
                out[count++] = s;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** All strong slots, in the order columns joined. */
    int[] allSlots() {
        int[] out = new int[size];
        for (int s = 0; s < size; s++) {
            out[s] = s;
        }
        return out;
    }

    /** One cyclic pass over the given slots at λ; returns {@code max a_i·Δβ_i²}. */
    double sweep(int[] slots, double[] beta, double lambda) {
        return residual == null ? covarianceSweep(slots, beta, lambda) : residualSweep(slots, beta, lambda);
    }

    private double residualSweep(int[] slots, double[] beta, double lambda) {
        double maxChange = 0;
        ResidualState state = residual;
        for (int s : slots) {
            int i = columns[s];
            double a = curvature[i];
            double current = state.gradient(i);
            double updated = softThreshold(current + a * beta[i], lambda) / a;
            double delta = updated - beta[i];
            if (delta != 0) {
                double curvatureTerm = delta * delta * a;
                residualSquares += curvatureTerm - 2 * delta * current;
                referenceDistanceSquared += curvatureTerm - 2 * delta * (current - reference[i]);
                beta[i] = updated;
                updates++;
                state.subtract(i, delta);
                maxChange = Math.max(maxChange, curvatureTerm);
            }
        }
        return maxChange;
    }

    private double covarianceSweep(int[] slots, double[] beta, double lambda) {
        double maxChange = 0;
        for (int s : slots) {
            int i = columns[s];
            double a = curvature[i];
            double z = gradient[s] + a * beta[i];
            double updated = softThreshold(z, lambda) / a;
            double delta = updated - beta[i];
            if (delta != 0) {
                // r moves by −δ·X̃_i, and X̃_iᵀr/M is the gradient before the update.
                double curvatureTerm = delta * delta * a;
                residualSquares += curvatureTerm - 2 * delta * gradient[s];
                referenceDistanceSquared += curvatureTerm - 2 * delta * (gradient[s] - reference[i]);
                beta[i] = updated;
                updates++;
                double[] products = gramColumn(i);
                double[] g = gradient;
                for (int t = 0; t < size; t++) {
                    g[t] -= delta * products[t];
                }
                maxChange = Math.max(maxChange, a * delta * delta);
            }
        }
        return maxChange;
    }

    /**
     * Column {@code column}'s products with every strong column, from the cache when it holds them. Beyond
     * the cache budget cached entries, further columns are computed into a scratch array on every use
     * instead: slower, but the memory of one path fit stays bounded on very wide designs.
     */
    private double[] gramColumn(int column) {
        int g = gramOf[column];
        if (g >= 0 && gram[g].length < size
                && cachedEntries + Math.max(size, gram[g].length + gram[g].length / 2) - gram[g].length > cacheBudget) {
            // Growing this cached column would pass the budget: evict it (it joins the computed-on-use ones).
            cachedEntries -= gram[g].length;
            gram[g] = null;
            gramOf[column] = -1;
            g = -1;
        }
        if (g < 0) {
            if (cachedEntries + size > cacheBudget) {
                if (scratch.length < size) {
                    scratch = new double[Math.max(size, scratch.length + scratch.length / 2)];
                }
                path.gramEntries(column, columns, strongBits, 0, size, scratch);
                return scratch;
            }
            if (gramCount == gram.length) {
                gram = Arrays.copyOf(gram, 2 * gramCount);
                filled = Arrays.copyOf(filled, 2 * gramCount);
            }
            g = gramCount++;
            gramOf[column] = g;
            gram[g] = new double[Math.max(16, size)];
            cachedEntries += gram[g].length;
            filled[g] = 0;
        }
        double[] products = gram[g];
        if (filled[g] < size) {
            if (products.length < size) {
                int grown = Math.max(size, products.length + products.length / 2);
                cachedEntries += grown - products.length;
                products = Arrays.copyOf(products, grown);
                gram[g] = products;
            }
            path.gramEntries(column, columns, strongBits, filled[g], size, products);
            filled[g] = size;
        }
        return products;
    }

    static double softThreshold(double z, double lambda) {
        if (z > lambda) {
            return z - lambda;
        }
        if (z < -lambda) {
            return z + lambda;
        }
        return 0;
    }

    /**
     * Naive mode's residual, kept so that an update touches only the moved column's set bits: the residual is
     * {@code r_j = p_j − T·out_j + S_{bucket(j)}}, where p took the included-row steps of every update,
     * T = Σδ and S_b = Σδ·mean_b of the moved columns (the parts of X̃_k shared by all rows).
     */
    static final class ResidualState {
        private final LassoPath path;
        final double[] partial;
        double totalDelta;
        final double[] bucketShift;
        /** {@code Σ_j out_j·p_j}. */
        double outDotPartial;

        ResidualState(LassoPath path, double[] r) {
            this.path = path;
            this.partial = r.clone();
            this.bucketShift = new double[path.bucketSlots()];
            this.outDotPartial = path.outDot(partial);
        }

        double gradient(int column) {
            return path.residualGradient(column, this);
        }

        void subtract(int column, double delta) {
            path.subtractFromResidual(column, delta, this);
        }

        void write(double[] r) {
            path.materializeResidual(this, r);
            System.arraycopy(r, 0, partial, 0, r.length);
            totalDelta = 0;
            Arrays.fill(bucketShift, 0);
            outDotPartial = path.outDot(partial);
        }
    }
}
