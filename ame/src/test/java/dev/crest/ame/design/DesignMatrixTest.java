package dev.crest.ame.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
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
}
