package dev.crest.ame.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DesignMatrixTest {

    private static double[][] dense(DesignMatrix x) {
        double[][] d = new double[x.rows()][x.columns()];
        for (int j = 0; j < x.rows(); j++) {
            for (int i = 0; i < x.columns(); i++) {
                d[j][i] = x.entry(j, i);
            }
        }
        return d;
    }

    @Test
    void entriesFollowTheAmeFeaturization() {
        Design design = Design.withDefaultGrid(70, 9L);
        DesignMatrix x = DesignMatrix.ame(design, 130);
        assertThat(x.rows()).isEqualTo(130);
        assertThat(x.columns()).isEqualTo(70);
        assertThat(x.bucketCount()).isEqualTo(4);
        for (int j = 0; j < 130; j++) {
            Submodel s = design.submodel(j);
            assertThat(x.bucket(j)).isEqualTo(s.gridIndex());
            for (int i = 0; i < 70; i++) {
                double expected = s.mask().get(i) ? 1 / s.p() : -1 / (1 - s.p());
                assertThat(x.entry(j, i)).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 30)
    void columnOperationsAgreeWithDenseArithmetic(@ForAll @IntRange(min = 1, max = 150) int m,
            @ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
        DesignMatrix x = DesignMatrix.ame(Design.withDefaultGrid(n, seed), m);
        double[][] d = dense(x);
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = random.doubles(m, -1, 1).toArray();
        double[] dots = new double[n];
        x.columnDots(v, dots);
        for (int i = 0; i < n; i++) {
            double dot = 0;
            double norm = 0;
            double[] sums = new double[4];
            for (int j = 0; j < m; j++) {
                dot += d[j][i] * v[j];
                norm += d[j][i] * d[j][i];
                sums[x.bucket(j)] += d[j][i];
            }
            assertThat(x.dot(i, v)).isCloseTo(dot, within(1e-9 * (1 + Math.abs(dot)) * m));
            assertThat(dots[i]).isCloseTo(dot, within(1e-9 * (1 + Math.abs(dot)) * m));
            assertThat(x.squaredNorm(i)).isCloseTo(norm, within(1e-9 * norm));
            double[] bucketSums = x.bucketSums(i);
            for (int b = 0; b < 4; b++) {
                assertThat(bucketSums[b]).isCloseTo(sums[b], within(1e-9 * m * 10));
            }
            double[] target = v.clone();
            x.addColumn(i, 0.7, target);
            for (int j = 0; j < m; j++) {
                assertThat(target[j]).isCloseTo(v[j] + 0.7 * d[j][i], within(1e-12 * 10));
            }
        }
    }

    @Test
    void selectedRowsKeepTheirEntriesAndBuckets() {
        DesignMatrix x = DesignMatrix.ame(Design.withDefaultGrid(90, 4L), 200);
        int[] rows = {199, 0, 64, 63, 65, 128, 7};
        DesignMatrix sub = x.selectRows(rows);
        assertThat(sub.rows()).isEqualTo(rows.length);
        for (int k = 0; k < rows.length; k++) {
            assertThat(sub.bucket(k)).isEqualTo(x.bucket(rows[k]));
            for (int i = 0; i < 90; i++) {
                assertThat(sub.entry(k, i)).isEqualTo(x.entry(rows[k], i));
            }
        }
    }

    /**
     * The rows of a design with {@code distinctSteps} different step values; {@code grouped} lays rows of one
     * value out contiguously, otherwise values alternate row by row.
     */
    private static DesignMatrix stepDesign(int m, int n, int distinctSteps, boolean grouped, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] in = new double[m];
        double[] out = new double[m];
        BitSet[] masks = new BitSet[m];
        for (int j = 0; j < m; j++) {
            int value = grouped ? j * distinctSteps / m : j % distinctSteps;
            out[j] = -0.5 - 0.1 * value;
            in[j] = 1.0 + 0.25 * value;
            masks[j] = new BitSet();
            for (int i = 0; i < n; i++) {
                if (random.nextBoolean()) {
                    masks[j].set(i);
                }
            }
        }
        return DesignMatrix.fromRows(n, in, out, null, 0, masks);
    }

    @Property(tries = 30)
    void columnProductsAgreeWithDenseArithmeticInEveryStorageMode(@ForAll @IntRange(min = 1, max = 200) int m,
            @ForAll @IntRange(min = 2, max = 30) int distinctSteps, @ForAll boolean grouped, @ForAll long seed) {
        // Up to 24 values use popcounts (over contiguous runs when grouped, over per-value masks when not);
        // more values fall back to iterating set bits.
        int n = 6;
        DesignMatrix x = stepDesign(m, n, distinctSteps, grouped, seed);
        double[][] d = dense(x);
        int[] others = {0, 1, 2, 3, 4, 5};
        long[] packed = new long[n * x.wordsPerColumn()];
        for (int t = 0; t < n; t++) {
            x.copyColumnBits(others[t], packed, t * x.wordsPerColumn());
        }
        for (int a = 0; a < n; a++) {
            double[] batch = new double[n];
            x.includedStepSquares(a, others, packed, 1, n, batch);
            for (int b = 0; b < n; b++) {
                double expected = 0;
                for (int j = 0; j < m; j++) {
                    if (x.included(j, a) && x.included(j, b)) {
                        double step = x.inValue(j) - x.outValue(j);
                        expected += step * step;
                    }
                }
                assertThat(x.includedStepSquares(a, b)).isCloseTo(expected, within(1e-9 * (1 + expected)));
                if (b >= 1) {
                    assertThat(batch[b]).isCloseTo(expected, within(1e-9 * (1 + expected)));
                }
                // The full product X_aᵀX_b splits as Σout² + Σ_{S_a}out·step + Σ_{S_b}out·step + Σ_{S_a∩S_b}step².
                double product = 0;
                for (int j = 0; j < m; j++) {
                    product += d[j][a] * d[j][b];
                }
                double[] outs = new double[m];
                for (int j = 0; j < m; j++) {
                    outs[j] = x.outValue(j);
                }
                double split = x.outDot(outs) + x.dot(a, outs, 0) + x.dot(b, outs, 0) + x.includedStepSquares(a, b);
                assertThat(split).isCloseTo(product, within(1e-9 * (1 + Math.abs(product))));
            }
        }
    }

    @Test
    void groupingByStepMakesEachValueOneRunAndKeepsRowOrderWithinIt() {
        DesignMatrix x = stepDesign(50, 4, 3, false, 5L);
        int[] order = x.rowsGroupedByStep();
        assertThat(order).hasSize(50);
        assertThat(Arrays.stream(order).sorted().toArray())
                .containsExactly(IntStream.range(0, 50).toArray());
        DesignMatrix grouped = x.selectRows(order);
        int changes = 0;
        for (int k = 1; k < 50; k++) {
            double previous = grouped.inValue(k - 1) - grouped.outValue(k - 1);
            double current = grouped.inValue(k) - grouped.outValue(k);
            if (previous != current) {
                changes++;
            } else {
                assertThat(order[k]).isGreaterThan(order[k - 1]);
            }
        }
        assertThat(changes).isEqualTo(2);
        assertThat(grouped.rowsGroupedByStep()).containsExactly(IntStream.range(0, 50).toArray());
    }
}
