package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Broadcast;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MatMulTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor matMul(Tensor a, Tensor b) {
        return REGISTRY.run1("MatMul", Attributes.empty(), a, b);
    }

    @Test
    void registersOpsetThirteen() {
        assertThat(REGISTRY.get("MatMul").sinceVersion()).isEqualTo(13);
    }

    @Test
    void multipliesMatrices() {
        Tensor a = Tensor.ofDoubles(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Tensor b = Tensor.ofDoubles(Shape.of(3, 2), 7, 8, 9, 10, 11, 12);
        // [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] = [58 64; 139 154]
        assertThat(matMul(a, b).sameAs(Tensor.ofDoubles(Shape.of(2, 2), 58, 64, 139, 154))).isTrue();
    }

    @Test
    void promotesOneDimensionalOperands() {
        Tensor v = Tensor.ofFloats(Shape.of(3), 1, 2, 3);
        Tensor w = Tensor.ofFloats(Shape.of(3), 4, 5, 6);
        assertThat(matMul(v, w).sameAs(Tensor.ofFloats(Shape.scalar(), 32))).isTrue();
        Tensor m = Tensor.ofFloats(Shape.of(3, 2), 1, 0, 0, 1, 1, 1);
        assertThat(matMul(v, m).sameAs(Tensor.ofFloats(Shape.of(2), 4, 5))).isTrue();
        Tensor mt = Tensor.ofFloats(Shape.of(2, 3), 1, 0, 1, 0, 1, 1);
        assertThat(matMul(mt, v).sameAs(Tensor.ofFloats(Shape.of(2), 4, 5))).isTrue();
        // A stacked batch times a vector drops the vector axis: (2,2,3)·(3) -> (2,2).
        Tensor stacked = Tensor.ofFloats(Shape.of(2, 2, 3), 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1);
        assertThat(matMul(stacked, v).sameAs(Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 6))).isTrue();
    }

    @Test
    void broadcastsBatchDimensions() {
        // (2,1,1,2)·(3,2,1) -> (2,3,1,1): each A row [a0 a1] times each B column [b0; b1].
        Tensor a = Tensor.ofDoubles(Shape.of(2, 1, 1, 2), 1, 2, 3, 4);
        Tensor b = Tensor.ofDoubles(Shape.of(3, 2, 1), 1, 0, 0, 1, 1, 1);
        Tensor expected = Tensor.ofDoubles(Shape.of(2, 3, 1, 1), 1, 2, 3, 3, 4, 7);
        assertThat(matMul(a, b).sameAs(expected)).isTrue();
    }

    @Test
    void roundsFloat32OnceAfterFloat64Accumulation() {
        // Accumulating in float32 would lose the 1 next to 1e8; one rounding at the end keeps it.
        Tensor a = Tensor.ofFloats(Shape.of(1, 3), 1e8f, 1f, -1e8f);
        Tensor b = Tensor.ofFloats(Shape.of(3, 1), 1f, 1f, 1f);
        Tensor out = matMul(a, b);
        assertThat(out.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(out.getDouble(0)).isEqualTo(1.0);
        Tensor half = matMul(a.cast(DType.FLOAT16), b.cast(DType.FLOAT16));
        assertThat(half.dtype()).isEqualTo(DType.FLOAT16);
    }

    @Test
    void integerProductsAreExactAndWrap() {
        Tensor a = Tensor.fromLongs(DType.INT32, Shape.of(1, 2), new long[] {65536, 1});
        Tensor b = Tensor.fromLongs(DType.INT32, Shape.of(2, 1), new long[] {65536, 5});
        // 2^32 + 5 wraps to 5 in int32.
        assertThat(matMul(a, b).sameAs(Tensor.fromLongs(DType.INT32, Shape.of(1, 1), new long[] {5}))).isTrue();
        Tensor big = Tensor.ofLongs(Shape.of(1, 2), (1L << 53) + 1, 1);
        Tensor ones = Tensor.ofLongs(Shape.of(2, 1), 1, 1);
        // 2^53 + 2 is exact in int64 though not representable after a detour through float64 of 2^53+1.
        assertThat(matMul(big, ones).getLong(0)).isEqualTo((1L << 53) + 2);
    }

    @Test
    void handlesEmptyDimensions() {
        Tensor a = Tensor.zeros(DType.FLOAT32, Shape.of(2, 0));
        Tensor b = Tensor.zeros(DType.FLOAT32, Shape.of(0, 3));
        assertThat(matMul(a, b).sameAs(Tensor.zeros(DType.FLOAT32, Shape.of(2, 3)))).isTrue();
        assertThat(matMul(Tensor.zeros(DType.FLOAT64, Shape.of(0, 2, 2)), Tensor.zeros(DType.FLOAT64, Shape.of(2, 4)))
                .shape()).isEqualTo(Shape.of(0, 2, 4));
    }

    @Test
    void rejectsBadInputs() {
        Tensor a = Tensor.ofDoubles(Shape.of(2, 3), new double[6]);
        assertThatThrownBy(() -> matMul(a, Tensor.ofDoubles(Shape.of(2, 2), new double[4])))
                .isInstanceOf(TensorException.class)
                .hasMessage("MatMul: inner dimensions differ: A [2, 3] has 3 columns but B [2, 2] has 2 rows");
        assertThatThrownBy(() -> matMul(a, Tensor.ofFloats(Shape.of(3, 1), new float[3])))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("same dtype");
        assertThatThrownBy(() -> matMul(Tensor.scalar(DType.FLOAT64, 1), a))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("at least 1-D");
        assertThatThrownBy(() -> matMul(Tensor.ofBooleans(Shape.of(1, 1), true), Tensor.ofBooleans(Shape.of(1, 1), true)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("unsupported dtype bool");
        assertThatThrownBy(() -> matMul(Tensor.ofDoubles(Shape.of(2, 1, 3), new double[6]),
                Tensor.ofDoubles(Shape.of(3, 3, 1), new double[9])))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("cannot be broadcast");
    }

    /** Direct-loop numpy matmul oracle on rank ≥ 2 operands. */
    static double[] naiveMatMul(double[] a, int[] aDims, double[] b, int[] bDims, Shape batch) {
        int m = aDims[aDims.length - 2];
        int k = aDims[aDims.length - 1];
        int n = bDims[bDims.length - 1];
        int[] aMap = Broadcast.indexMap(Shape.of(Arrays.copyOf(aDims, aDims.length - 2)), batch);
        int[] bMap = Broadcast.indexMap(Shape.of(Arrays.copyOf(bDims, bDims.length - 2)), batch);
        double[] out = new double[batch.size() * m * n];
        for (int t = 0; t < batch.size(); t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a[aMap[t] * m * k + i * k + p] * b[bMap[t] * k * n + p * n + j];
                    }
                    out[(t * m + i) * n + j] = sum;
                }
            }
        }
        return out;
    }

    @Property(tries = 60)
    void matchesNaiveOracleOnRandomBroadcastShapes(@ForAll @IntRange(min = 0, max = 3) int aBatchRank,
            @ForAll @IntRange(min = 0, max = 3) int bBatchRank, @ForAll boolean float32, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = random.nextInt(1, 6);
        int k = random.nextInt(0, 6);
        int n = random.nextInt(1, 6);
        int rank = Math.max(aBatchRank, bBatchRank);
        int[] full = new int[rank];
        for (int d = 0; d < rank; d++) {
            full[d] = random.nextInt(1, 4);
        }
        int[] aDims = batchDims(full, aBatchRank, random, m, k);
        int[] bDims = batchDims(full, bBatchRank, random, k, n);
        DType dtype = float32 ? DType.FLOAT32 : DType.FLOAT64;
        Tensor a = randomTensor(dtype, Shape.of(aDims), random);
        Tensor b = randomTensor(dtype, Shape.of(bDims), random);
        Shape batch = Broadcast.shape(Shape.of(Arrays.copyOf(aDims, aDims.length - 2)),
                Shape.of(Arrays.copyOf(bDims, bDims.length - 2)));
        double[] expected = naiveMatMul(a.toDoubleArray(), aDims, b.toDoubleArray(), bDims, batch);
        int[] outDims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        outDims[batch.rank()] = m;
        outDims[batch.rank() + 1] = n;
        Tensor want = Tensor.fromDoubles(dtype, Shape.of(outDims), expected);
        Tensor got = matMul(a, b);
        assertThat(new Closeness(1e-12, 1e-6).allClose(got, want)).as("%s vs %s", got, want).isTrue();
    }

    private static int[] batchDims(int[] full, int batchRank, SplittableRandom random, int rows, int cols) {
        int[] dims = new int[batchRank + 2];
        for (int d = 0; d < batchRank; d++) {
            int source = full[full.length - batchRank + d];
            dims[d] = random.nextInt(3) == 0 ? 1 : source;
        }
        dims[batchRank] = rows;
        dims[batchRank + 1] = cols;
        return dims;
    }

    static Tensor randomTensor(DType dtype, Shape shape, SplittableRandom random) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-2, 2);
        }
        return Tensor.fromDoubles(dtype, shape, values);
    }
}
