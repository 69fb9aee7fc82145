package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GemmTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Attributes attrs(double alpha, double beta, int transA, int transB) {
        return Attributes.builder().put("alpha", alpha).put("beta", beta).put("transA", (long) transA)
                .put("transB", (long) transB).build();
    }

    @Test
    void appliesTransposesScalingAndBroadcastBias() {
        // A stored 3x2 with transA: op(A) = [1 2 3; 4 5 6]; B stored 2x3 with transB: op(B) = [1 0; 0 1; 1 1].
        Tensor a = Tensor.ofDoubles(Shape.of(3, 2), 1, 4, 2, 5, 3, 6);
        Tensor b = Tensor.ofDoubles(Shape.of(2, 3), 1, 0, 1, 0, 1, 1);
        Tensor c = Tensor.ofDoubles(Shape.of(2), 10, 20);
        // op(A)·op(B) = [4 5; 10 11]; 2·that + 0.5·[10 20] per row.
        Tensor out = REGISTRY.run1("Gemm", attrs(2, 0.5, 1, 1), a, b, c);
        assertThat(out.sameAs(Tensor.ofDoubles(Shape.of(2, 2), 13, 20, 25, 32))).isTrue();
    }

    @Test
    void defaultsAndOptionalC() {
        Tensor a = Tensor.ofFloats(Shape.of(1, 2), 1, 2);
        Tensor b = Tensor.ofFloats(Shape.of(2, 2), 3, 4, 5, 6);
        assertThat(REGISTRY.run1("Gemm", Attributes.empty(), a, b, null)
                .sameAs(Tensor.ofFloats(Shape.of(1, 2), 13, 16))).isTrue();
        assertThat(REGISTRY.run1("Gemm", Attributes.empty(), a, b, Tensor.ofFloats(Shape.scalar(), 1))
                .sameAs(Tensor.ofFloats(Shape.of(1, 2), 14, 17))).isTrue();
        // A column C of shape (M, 1) broadcasts along N.
        assertThat(REGISTRY.run1("Gemm", Attributes.empty(), a, b, Tensor.ofFloats(Shape.of(1, 1), -13))
                .sameAs(Tensor.ofFloats(Shape.of(1, 2), 0, 3))).isTrue();
        assertThat(REGISTRY.get("Gemm").sinceVersion()).isEqualTo(13);
    }

    @Test
    void betaZeroStillPropagatesNaNInC() {
        Tensor a = Tensor.ofDoubles(Shape.of(1, 1), 2);
        Tensor b = Tensor.ofDoubles(Shape.of(1, 1), 3);
        Tensor out = REGISTRY.run1("Gemm", attrs(1, 0, 0, 0), a, b, Tensor.ofDoubles(Shape.of(1), Double.NaN));
        assertThat(out.getDouble(0)).isNaN();
    }

    @Test
    void integerGemmIsExact() {
        Tensor a = Tensor.ofLongs(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor b = Tensor.ofLongs(Shape.of(2, 2), 1L << 40, 0, 0, 1);
        Tensor c = Tensor.ofLongs(Shape.of(1, 2), 1, 1);
        Tensor out = REGISTRY.run1("Gemm", attrs(1, 3, 0, 0), a, b, c);
        assertThat(out.toLongArray()).containsExactly((1L << 40) + 3, 5, 3 * (1L << 40) + 3, 7);
        Tensor fractional = REGISTRY.run1("Gemm", attrs(0.5, 1, 0, 0), Tensor.ofLongs(Shape.of(1, 1), 3),
                Tensor.ofLongs(Shape.of(1, 1), 1), null);
        assertThat(fractional.toLongArray()).containsExactly(1); // 1.5 truncates to 1
    }

    @Test
    void rejectsBadInputs() {
        Tensor a = Tensor.ofDoubles(Shape.of(2, 3), new double[6]);
        Tensor b = Tensor.ofDoubles(Shape.of(3, 4), new double[12]);
        assertThatThrownBy(() -> REGISTRY.run1("Gemm", attrs(1, 1, 1, 0), a, b, null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("inner dimensions differ: op(A) is 3x2");
        assertThatThrownBy(() -> REGISTRY.run1("Gemm", Attributes.empty(), a, b, Tensor.ofDoubles(Shape.of(3), 1, 2, 3)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("C of shape [3] cannot be broadcast to the output shape [2, 4]");
        assertThatThrownBy(() -> REGISTRY.run1("Gemm", Attributes.empty(), Tensor.ofDoubles(Shape.of(3), 1, 2, 3), b))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("must be 2-D");
        assertThatThrownBy(() -> REGISTRY.run1("Gemm", attrs(1, 1, 2, 0), a, b))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'transA' must be 0 or 1");
    }

    @Property(tries = 60)
    void matchesNaiveOracle(@ForAll boolean transA, @ForAll boolean transB,
            @ForAll @IntRange(min = 0, max = 3) int cKind, @ForAll boolean float32, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = random.nextInt(1, 7);
        int k = random.nextInt(0, 7);
        int n = random.nextInt(1, 7);
        DType dtype = float32 ? DType.FLOAT32 : DType.FLOAT64;
        Tensor a = MatMulTest.randomTensor(dtype, transA ? Shape.of(k, m) : Shape.of(m, k), random);
        Tensor b = MatMulTest.randomTensor(dtype, transB ? Shape.of(n, k) : Shape.of(k, n), random);
        Shape cShape = cKind == 0 ? Shape.of(m, n) : cKind == 1 ? Shape.of(n) : cKind == 2 ? Shape.of(m, 1)
                : Shape.scalar();
        Tensor c = MatMulTest.randomTensor(dtype, cShape, random);
        double alpha = random.nextDouble(-2, 2);
        double beta = random.nextDouble(-2, 2);
        double[] ad = a.toDoubleArray();
        double[] bd = b.toDoubleArray();
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (transA ? ad[p * m + i] : ad[i * k + p]) * (transB ? bd[j * k + p] : bd[p * n + j]);
                }
                double cv = cKind == 0 ? c.getDouble(i * n + j) : cKind == 1 ? c.getDouble(j)
                        : cKind == 2 ? c.getDouble(i) : c.getDouble(0);
                expected[i * n + j] = alpha * sum + beta * cv;
            }
        }
        Tensor got = REGISTRY.run1("Gemm", attrs(alpha, beta, transA ? 1 : 0, transB ? 1 : 0), a, b, c);
        Tensor want = Tensor.fromDoubles(dtype, Shape.of(m, n), expected);
        assertThat(new Closeness(1e-12, 1e-6).allClose(got, want)).as("%s vs %s", got, want).isTrue();
    }
}
