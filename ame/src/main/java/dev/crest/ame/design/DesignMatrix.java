package dev.crest.ame.design;

import dev.crest.ame.AmeException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The regression design built from subset masks without ever materializing a dense matrix: row {@code j} is a
 * submodel, column {@code i} a training point, and entry {@code X[j][i]} is {@code inValue[j]} when point i is
 * in submodel j's subset and {@code outValue[j]} otherwise. Each row also belongs to one bucket (for AME: the
 * grid value it drew), which estimators treat as an unpenalized indicator column.
 *
 * <p>Storage is one bitset per column over the rows (column-major, packed in a single {@code long[]}), so
 * N = 50,000 points by M = 6,000 submodels take about 37 MB, and column operations the LASSO needs (dot
 * products, norms, adding a scaled column) touch only the set bits plus one O(M) pass.
 *
 * <p>The AME featurization is {@code X = 1/p} if included and {@code −1/(1−p)} otherwise ({@link #ame}, whose
 * row-mapping overload lets knockoffs add copy columns); the Shapley variant builds its own rows with
 * {@link #fromRows}.
 */
public final class DesignMatrix {
    private final int rows;
    private final int columns;
    private final int words;
    private final long[] bits;
    private final double[] inValue;
    private final double[] outValue;
    private final double[] step;
    private final int[] bucket;
    private final int bucketCount;
    /**
     * Each row's class by its value of {@code step²} (classes numbered by first appearance), or null when there
     * are more than {@link #MAX_STEP_CLASSES} distinct values and popcounts would not pay off.
     */
    private final int[] stepClassOfRow;
    private final double[] stepClassSquares;
    /** When every class is one contiguous run of rows: run c covers rows {@code [runStart[c], runEnd[c])}. */
    private final int[] runStart;
    private final int[] runEnd;
    /** Otherwise: one bitset over the rows per class, word-major ({@code [w * classes + c]}). */
    private final long[] stepClassMasks;
    /** Above this many distinct {@code step²} values, column products iterate set bits instead of popcounts. */
    private static final int MAX_STEP_CLASSES = 24;

    private DesignMatrix(int rows, int columns, long[] bits, double[] inValue, double[] outValue, int[] bucket,
            int bucketCount) {
        this.rows = rows;
        this.columns = columns;
        this.words = wordsFor(rows);
        this.bits = bits;
        this.inValue = inValue;
        this.outValue = outValue;
        this.bucket = bucket;
        this.bucketCount = bucketCount;
        this.step = new double[rows];
        for (int j = 0; j < rows; j++) {
            step[j] = inValue[j] - outValue[j];
        }
        Map<Double, Integer> classOf = new LinkedHashMap<>();
        int[] classes = new int[rows];
        int changes = 0;
        for (int j = 0; j < rows && classOf.size() <= MAX_STEP_CLASSES; j++) {
            classes[j] = classOf.computeIfAbsent(step[j] * step[j], square -> classOf.size());
            if (j > 0 && classes[j] != classes[j - 1]) {
                changes++;
            }
        }
        if (classOf.size() > MAX_STEP_CLASSES) {
            this.stepClassOfRow = null;
            this.stepClassSquares = null;
            this.runStart = null;
            this.runEnd = null;
            this.stepClassMasks = null;
            return;
        }
        int count = classOf.size();
        this.stepClassOfRow = classes;
        this.stepClassSquares = new double[count];
        classOf.forEach((square, c) -> stepClassSquares[c] = square);
        if (changes == count - 1) {
            this.runStart = new int[count];
            this.runEnd = new int[count];
            for (int j = rows - 1; j >= 0; j--) {
                runStart[classes[j]] = j;
            }
            for (int j = 0; j < rows; j++) {
                runEnd[classes[j]] = j + 1;
            }
            this.stepClassMasks = null;
        } else {
            this.runStart = null;
            this.runEnd = null;
            this.stepClassMasks = new long[words * count];
            for (int j = 0; j < rows; j++) {
                stepClassMasks[(j >>> 6) * count + classes[j]] |= 1L << (j & 63);
            }
        }
    }

    private static int wordsFor(int rows) {
        return (rows + 63) >>> 6;
    }

    /**
     * The AME design of the first {@code submodels} rows of {@code design}: {@code X = 1/p} if included,
     * {@code −1/(1−p)} otherwise, one bucket per grid value.
     */
    public static DesignMatrix ame(Design design, int submodels) {
        return ame(design.submodels(submodels), design.points(), design.grid().length);
    }

    /** The AME design of the given submodels (rows in list order) over {@code points} columns. */
    public static DesignMatrix ame(List<Submodel> submodels, int points, int gridSize) {
        return ame(submodels, points, gridSize, Submodel::mask);
    }

    /**
     * The AME design of the given submodels (rows in list order) over {@code columns} columns, whose row j
     * includes the columns set in {@code row(submodel j)}; used by estimators that add columns of their own
     * (e.g. knockoff copies).
     */
    public static DesignMatrix ame(List<Submodel> submodels, int columns, int gridSize,
            Function<Submodel, BitSet> row) {
        int m = submodels.size();
        double[] in = new double[m];
        double[] out = new double[m];
        int[] bucket = new int[m];
        BitSet[] masks = new BitSet[m];
        for (int j = 0; j < m; j++) {
            Submodel s = submodels.get(j);
            in[j] = 1.0 / s.p();
            out[j] = -1.0 / (1.0 - s.p());
            bucket[j] = s.gridIndex();
            masks[j] = row.apply(s);
        }
        return fromRows(columns, in, out, bucket, gridSize, masks);
    }

    /**
     * A design from explicit rows: {@code X[j][i] = rowMasks[j].get(i) ? inValue[j] : outValue[j]} for
     * {@code i < columns}. {@code bucket[j]} in {@code [0, bucketCount)} names row j's unpenalized indicator
     * column; pass {@code bucketCount = 0} and {@code bucket = null} for a design without bucket columns.
     * Arrays are copied.
     */
    public static DesignMatrix fromRows(int columns, double[] inValue, double[] outValue, int[] bucket,
            int bucketCount, BitSet[] rowMasks) {
        int m = rowMasks.length;
        if (m < 1) {
            throw new AmeException("the design has no submodels; run at least one");
        }
        if (columns < 1) {
            throw new AmeException("the design has no training points");
        }
        if (inValue.length != m || outValue.length != m || (bucket != null && bucket.length != m)) {
            throw new IllegalArgumentException("row arrays disagree in length with the " + m + " masks");
        }
        if ((bucket == null) != (bucketCount == 0)) {
            throw new IllegalArgumentException("bucket array must be given exactly when bucketCount > 0");
        }
        int[] buckets = bucket == null ? new int[m] : bucket.clone();
        for (int b : buckets) {
            if (b < 0 || (bucketCount > 0 && b >= bucketCount)) {
                throw new IllegalArgumentException("bucket " + b + " outside [0, " + bucketCount + ")");
            }
        }
        int words = wordsFor(m);
        long[] bits = new long[Math.multiplyExact(columns, words)];
        for (int j = 0; j < m; j++) {
            BitSet mask = rowMasks[j];
            long bit = 1L << (j & 63);
            int word = j >>> 6;
            for (int i = mask.nextSetBit(0); i >= 0 && i < columns; i = mask.nextSetBit(i + 1)) {
                bits[i * words + word] |= bit;
            }
        }
        return new DesignMatrix(m, columns, bits, inValue.clone(), outValue.clone(), buckets, bucketCount);
    }

    /** Number of rows (submodels) M. */
    public int rows() {
        return rows;
    }

    /** Number of penalized columns (training points, plus any knockoff copies). */
    public int columns() {
        return columns;
    }

    /** Number of unpenalized bucket indicator columns (0 when the design has none). */
    public int bucketCount() {
        return bucketCount;
    }

    /** The bucket of row {@code row} (0 when the design has no buckets). */
    public int bucket(int row) {
        return bucket[row];
    }

    /** Whether point {@code column} is in submodel {@code row}'s subset. */
    public boolean included(int row, int column) {
        return (bits[column * words + (row >>> 6)] & (1L << (row & 63))) != 0;
    }

    /** Entry {@code X[row][column]}. */
    public double entry(int row, int column) {
        return included(row, column) ? inValue[row] : outValue[row];
    }

    /** Row {@code row}'s entry for an included point. */
    public double inValue(int row) {
        return inValue[row];
    }

    /** Row {@code row}'s entry for an excluded point. */
    public double outValue(int row) {
        return outValue[row];
    }

    /** {@code Σ_j outValue[j]·v[j]}: the part of every column's dot product with {@code v} that is shared. */
    public double outDot(double[] v) {
        double s = 0;
        for (int j = 0; j < rows; j++) {
            s += outValue[j] * v[j];
        }
        return s;
    }

    /** {@code Σ_j X[j][column]·v[j]}. */
    public double dot(int column, double[] v) {
        return dot(column, v, outDot(v));
    }

    /** {@code Σ_j X[j][column]·v[j]} given {@code outDot = outDot(v)}, costing only the column's set bits. */
    public double dot(int column, double[] v, double outDot) {
        double s = 0;
        int base = column * words;
        for (int w = 0; w < words; w++) {
            long word = bits[base + w];
            int offset = w << 6;
            while (word != 0) {
                int j = offset + Long.numberOfTrailingZeros(word);
                s += step[j] * v[j];
                word &= word - 1;
            }
        }
        return outDot + s;
    }

    /**
     * All column dot products {@code out[i] = Σ_j X[j][i]·v[j]}, sharing the O(M) part across columns. Each
     * column costs M/8 table look-ups instead of a bit loop: for every group of 8 rows a 256-entry table holds
     * the weighted sum of each inclusion pattern (the "four Russians" trick), built once per call.
     */
    public void columnDots(double[] v, double[] out) {
        double shared = outDot(v);
        int chunks = words * 8;
        double[] table = new double[chunks * 256];
        for (int c = 0; c < chunks; c++) {
            int base = c * 256;
            int firstRow = c * 8;
            for (int pattern = 1; pattern < 256; pattern++) {
                int row = firstRow + Integer.numberOfTrailingZeros(pattern);
                double weight = row < rows ? step[row] * v[row] : 0;
                table[base + pattern] = table[base + (pattern & (pattern - 1))] + weight;
            }
        }
        for (int i = 0; i < columns; i++) {
            double s = 0;
            int base = i * words;
            for (int w = 0; w < words; w++) {
                long word = bits[base + w];
                if (word == 0) {
                    continue;
                }
                int tableBase = w * 8 * 256;
                for (int k = 0; k < 8; k++) {
                    s += table[tableBase + k * 256 + (int) ((word >>> (8 * k)) & 0xFF)];
                }
            }
            out[i] = shared + s;
        }
    }

    /**
     * {@code Σ_j (inValue[j] − outValue[j])²} over the rows that include both points: the only part of the
     * column product {@code X_aᵀX_b} that depends on both columns. Designs whose rows share a few values of
     * the step (every AME, knockoff and Shapley design: one per grid value) cost one AND and a popcount per
     * 64 rows and value; others iterate the common set bits.
     */
    public double includedStepSquares(int a, int b) {
        int baseA = a * words;
        int baseB = b * words;
        if (runStart != null) {
            double s = 0;
            for (int c = 0; c < runStart.length; c++) {
                s += stepClassSquares[c] * commonCount(baseA, baseB, runStart[c], runEnd[c]);
            }
            return s;
        }
        if (stepClassMasks != null) {
            int classCount = stepClassSquares.length;
            long[] counts = new long[classCount];
            for (int w = 0; w < words; w++) {
                long common = bits[baseA + w] & bits[baseB + w];
                if (common == 0) {
                    continue;
                }
                int maskBase = w * classCount;
                for (int c = 0; c < classCount; c++) {
                    counts[c] += Long.bitCount(common & stepClassMasks[maskBase + c]);
                }
            }
            double s = 0;
            for (int c = 0; c < classCount; c++) {
                s += stepClassSquares[c] * counts[c];
            }
            return s;
        }
        double s = 0;
        for (int w = 0; w < words; w++) {
            long word = bits[baseA + w] & bits[baseB + w];
            int offset = w << 6;
            while (word != 0) {
                int j = offset + Long.numberOfTrailingZeros(word);
                s += step[j] * step[j];
                word &= word - 1;
            }
        }
        return s;
    }

    /** Number of {@code long} words of one column's bitset (see {@link #copyColumnBits}). */
    public int wordsPerColumn() {
        return words;
    }

    /** Copies column {@code column}'s inclusion bits ({@link #wordsPerColumn()} words) into {@code target}. */
    public void copyColumnBits(int column, long[] target, int offset) {
        System.arraycopy(bits, column * words, target, offset, words);
    }

    /**
     * {@code products[t] = includedStepSquares(a, others[t])} for {@code t} in {@code [from, to)}: one column
     * against many, with column a's words split by row class once instead of per pair. {@code packed} holds
     * the bits of {@code others[t]} at {@code [t·wordsPerColumn(), (t+1)·wordsPerColumn())} (see
     * {@link #copyColumnBits}), so the many columns are read sequentially.
     */
    public void includedStepSquares(int a, int[] others, long[] packed, int from, int to, double[] products) {
        if (runStart == null) {
            for (int t = from; t < to; t++) {
                products[t] = includedStepSquares(a, others[t]);
            }
            return;
        }
        int runs = runStart.length;
        // Segment k is column a's word segmentWord[k] restricted to the rows of one class; run c owns the
        // segments [segmentEnd[c-1], segmentEnd[c]).
        int[] segmentWord = new int[words + runs];
        long[] segmentBits = new long[words + runs];
        int[] segmentEnd = new int[runs];
        int count = 0;
        int baseA = a * words;
        for (int c = 0; c < runs; c++) {
            int first = runStart[c] >>> 6;
            int last = (runEnd[c] - 1) >>> 6;
            for (int w = first; w <= last; w++) {
                long mask = -1L;
                if (w == first) {
                    mask &= -1L << (runStart[c] & 63);
                }
                if (w == last) {
                    mask &= -1L >>> (63 - ((runEnd[c] - 1) & 63));
                }
                long word = bits[baseA + w] & mask;
                if (word != 0) {
                    segmentWord[count] = w;
                    segmentBits[count] = word;
                    count++;
                }
            }
            segmentEnd[c] = count;
        }
        for (int t = from; t < to; t++) {
            int baseB = t * words;
            double s = 0;
            int k = 0;
            for (int c = 0; c < runs; c++) {
                long common = 0;
                for (int end = segmentEnd[c]; k < end; k++) {
                    common += Long.bitCount(segmentBits[k] & packed[baseB + segmentWord[k]]);
                }
                s += stepClassSquares[c] * common;
            }
            products[t] = s;
        }
    }

    /** Number of rows in {@code [from, to)} set in both columns (given by their word offsets). */
    private long commonCount(int baseA, int baseB, int from, int to) {
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << (from & 63);
        long lastMask = -1L >>> (63 - ((to - 1) & 63));
        if (first == last) {
            return Long.bitCount(bits[baseA + first] & bits[baseB + first] & firstMask & lastMask);
        }
        long count = Long.bitCount(bits[baseA + first] & bits[baseB + first] & firstMask);
        for (int w = first + 1; w < last; w++) {
            count += Long.bitCount(bits[baseA + w] & bits[baseB + w]);
        }
        return count + Long.bitCount(bits[baseA + last] & bits[baseB + last] & lastMask);
    }

    /**
     * The rows reordered so that rows sharing a value of {@code step²} are contiguous (stable within a value):
     * {@link #selectRows} with this order gives a design whose column products ({@link #includedStepSquares})
     * are plain popcounts over word ranges. The identity when the rows already are, or when the values are too
     * many to group.
     */
    public int[] rowsGroupedByStep() {
        return groupByStep(IntStream.range(0, rows).toArray());
    }

    /** The given rows (of this design) stably reordered so that rows sharing a value of {@code step²} are adjacent. */
    public int[] groupByStep(int[] rowIndices) {
        if (stepClassOfRow == null) {
            return rowIndices.clone();
        }
        return Arrays.stream(rowIndices).boxed()
                .sorted(Comparator.comparingInt(j -> stepClassOfRow[j]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** {@code target[j] += scale·X[j][column]} for every row. */
    public void addColumn(int column, double scale, double[] target) {
        for (int j = 0; j < rows; j++) {
            target[j] += scale * outValue[j];
        }
        addIncludedSteps(column, scale, target);
    }

    /**
     * {@code target[j] += scale·(inValue[j] − outValue[j])} for the rows that include point {@code column}:
     * the part of {@link #addColumn} beyond the shared {@code scale·outValue[j]}, for callers that fold that
     * shared part into a pass of their own.
     */
    public void addIncludedSteps(int column, double scale, double[] target) {
        int base = column * words;
        for (int w = 0; w < words; w++) {
            long word = bits[base + w];
            int offset = w << 6;
            while (word != 0) {
                int j = offset + Long.numberOfTrailingZeros(word);
                target[j] += scale * step[j];
                word &= word - 1;
            }
        }
    }

    /** Per-bucket sums {@code Σ_{j in bucket b} X[j][column]} (length {@code max(1, bucketCount)}). */
    public double[] bucketSums(int column) {
        double[] sums = new double[Math.max(1, bucketCount)];
        for (int j = 0; j < rows; j++) {
            sums[bucket[j]] += outValue[j];
        }
        int base = column * words;
        for (int w = 0; w < words; w++) {
            long word = bits[base + w];
            int offset = w << 6;
            while (word != 0) {
                int j = offset + Long.numberOfTrailingZeros(word);
                sums[bucket[j]] += step[j];
                word &= word - 1;
            }
        }
        return sums;
    }

    /** {@code Σ_j X[j][column]²}. */
    public double squaredNorm(int column) {
        double s = 0;
        for (int j = 0; j < rows; j++) {
            s += outValue[j] * outValue[j];
        }
        int base = column * words;
        for (int w = 0; w < words; w++) {
            long word = bits[base + w];
            int offset = w << 6;
            while (word != 0) {
                int j = offset + Long.numberOfTrailingZeros(word);
                s += inValue[j] * inValue[j] - outValue[j] * outValue[j];
                word &= word - 1;
            }
        }
        return s;
    }

    /** The sub-design made of the given rows, in the given order (used for cross-validation folds). */
    public DesignMatrix selectRows(int[] rowIndices) {
        int m = rowIndices.length;
        if (m < 1) {
            throw new IllegalArgumentException("a sub-design needs at least one row");
        }
        int newWords = wordsFor(m);
        long[] newBits = new long[Math.multiplyExact(columns, newWords)];
        double[] in = new double[m];
        double[] out = new double[m];
        int[] buckets = new int[m];
        for (int k = 0; k < m; k++) {
            int j = rowIndices[k];
            in[k] = inValue[j];
            out[k] = outValue[j];
            buckets[k] = bucket[j];
        }
        for (int i = 0; i < columns; i++) {
            int base = i * words;
            int newBase = i * newWords;
            // Branch-free: half the bits are set, so a test-and-branch per bit mispredicts half the time.
            for (int w = 0; w < newWords; w++) {
                long word = 0;
                int end = Math.min(m, (w + 1) << 6);
                for (int k = w << 6; k < end; k++) {
                    int j = rowIndices[k];
                    word |= ((bits[base + (j >>> 6)] >>> (j & 63)) & 1L) << (k & 63);
                }
                newBits[newBase + w] = word;
            }
        }
        return new DesignMatrix(m, columns, newBits, in, out, buckets, bucketCount);
    }
}
