package dev.crest.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BlasTest {

    /** Naive row-major C = alpha·op(A)·op(B) + beta·C with BLAS's "beta = 0 does not read C" rule. */
    private static double[] naive(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
            int aOffset, int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        double[] out = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    double bv = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += av * bv;
                }
                int at = cOffset + i * ldc + j;
                out[at] = alpha * sum + (beta == 0 ? 0 : beta * c[at]);
            }
        }
        return out;
    }

    private static double[] random(SplittableRandom random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }

    @Test
    void reportsAnImplementation() {
        assertThat(Blas.implementationName()).isNotBlank();
        assertThat(Blas.isNative()).isEqualTo(Blas.implementationName().equals("JNIBLAS"));
    }

    @Test
    void multipliesATwoByTwoExample() {
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8};
        double[] c = {1, 1, 1, 1};
        Blas.dgemm(false, false, 2, 2, 2, 1, a, 0, 2, b, 0, 2, 1, c, 0, 2);
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50], plus ones.
        assertThat(c).containsExactly(20, 23, 44, 51);
        float[] af = {1, 2, 3, 4};
        float[] bf = {5, 6, 7, 8};
        float[] cf = new float[4];
        Blas.sgemm(true, false, 2, 2, 2, 2f, af, 0, 2, bf, 0, 2, 0f, cf, 0, 2);
        // Aᵀ = [1 3; 2 4]; Aᵀ·B = [26 30; 38 44], times 2.
        assertThat(cf).containsExactly(52, 60, 76, 88);
    }

    @Property(tries = 60)
    void dgemmMatchesNaiveLoopForAllTransposes(@ForAll boolean transA, @ForAll boolean transB,
            @ForAll @IntRange(min = 0, max = 9) int m, @ForAll @IntRange(min = 0, max = 9) int n,
            @ForAll @IntRange(min = 0, max = 9) int k, @ForAll @IntRange(min = 0, max = 3) int extra,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int lda = Math.max(1, (transA ? m : k) + extra);
        int ldb = Math.max(1, (transB ? k : n) + extra);
        int ldc = Math.max(1, n + extra);
        int aOffset = extra;
        int bOffset = 2 * extra;
        int cOffset = 3 * extra;
        double[] a = random(random, aOffset + (transA ? k : m) * lda + 1);
        double[] b = random(random, bOffset + (transB ? n : k) * ldb + 1);
        double[] c = random(random, cOffset + m * ldc + 1);
        double alpha = random.nextDouble(-2, 2);
        double beta = extra == 0 ? 0 : random.nextDouble(-2, 2);
        double[] expected = naive(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
                cOffset, ldc);
        double[] actual = c.clone();
        Blas.dgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, actual, cOffset, ldc);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Property(tries = 60)
    void sgemmMatchesNaiveLoopForAllTransposes(@ForAll boolean transA, @ForAll boolean transB,
            @ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 1, max = 9) int n,
            @ForAll @IntRange(min = 0, max = 9) int k, @ForAll @IntRange(min = 0, max = 3) int extra,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int lda = Math.max(1, (transA ? m : k) + extra);
        int ldb = Math.max(1, (transB ? k : n) + extra);
        int ldc = n + extra;
        double[] a = random(random, extra + (transA ? k : m) * lda);
        double[] b = random(random, (transB ? n : k) * ldb);
        double[] c = random(random, m * ldc + extra);
        double[] expected = naive(transA, transB, m, n, k, 1.5, toFloatPrecision(a), extra, lda,
                toFloatPrecision(b), 0, ldb, -0.5, toFloatPrecision(c), extra, ldc);
        float[] actual = toFloats(c);
        Blas.sgemm(transA, transB, m, n, k, 1.5f, toFloats(a), extra, lda, toFloats(b), 0, ldb, -0.5f, actual,
                extra, ldc);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void betaZeroIgnoresNaNsInC() {
        double[] c = {Double.NaN, Double.NaN};
        Blas.dgemm(false, false, 1, 2, 1, 1, new double[] {2}, 0, 1, new double[] {3, 4}, 0, 2, 0, c, 0, 2);
        assertThat(c).containsExactly(6, 8);
        double[] scaled = {Double.NaN, 5};
        Blas.dgemm(false, false, 1, 2, 0, 1, new double[0], 0, 1, new double[0], 0, 2, 0, scaled, 0, 2);
        assertThat(scaled).containsExactly(0, 0);
    }

    @Test
    void rejectsTooSmallLeadingDimensionAndShortArrays() {
        assertThatThrownBy(() -> Blas.dgemm(false, false, 2, 2, 3, 1, new double[6], 0, 2, new double[6], 0, 2, 0,
                new double[4], 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leading dimension of A");
        assertThatThrownBy(() -> Blas.sgemm(false, false, 2, 2, 2, 1, new float[4], 0, 2, new float[4], 0, 2, 0,
                new float[3], 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C (2x2");
    }

    private static double[] toFloatPrecision(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
