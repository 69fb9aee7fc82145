package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TransposeKernelTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor transpose(Tensor x, int... perm) {
        Attributes attributes = perm == null ? Attributes.empty() : Attributes.builder().put("perm", perm).build();
        return REGISTRY.run1("Transpose", attributes, x);
    }

    private static Tensor iota(DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        long[] values = new long[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Tensor.fromLongs(dtype, shape, values);
    }

    @Test
    void transposesAMatrixByDefault() {
        Tensor x = Tensor.ofFloats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Tensor y = transpose(x, (int[]) null);
        assertThat(y.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(y.toFloatArray()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void permutesThreeAxes() {
        // x[i][j][k] = 100i + 10j + k with shape [2, 3, 2]; perm [1, 2, 0] gives y[j][k][i] = x[i][j][k].
        long[] values = new long[12];
        int n = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    values[n++] = 100 * i + 10 * j + k;
                }
            }
        }
        Tensor y = transpose(Tensor.fromLongs(DType.INT32, Shape.of(2, 3, 2), values), 1, 2, 0);
        assertThat(y.shape()).isEqualTo(Shape.of(3, 2, 2));
        assertThat(y.dtype()).isEqualTo(DType.INT32);
        assertThat(y.toLongArray()).containsExactly(0, 100, 1, 101, 10, 110, 11, 111, 20, 120, 21, 121);
    }

    @Test
    void matchesACoordinateOracleForRanksZeroToSix() {
        Random random = new Random(7);
        for (int rank = 0; rank <= 6; rank++) {
            int[] dims = new int[rank];
            for (int a = 0; a < rank; a++) {
                dims[a] = 1 + random.nextInt(3);
            }
            int[] perm = randomPermutation(rank, random);
            Tensor x = iota(DType.FLOAT64, dims);
            Tensor y = transpose(x, perm);
            int[] outDims = new int[rank];
            for (int a = 0; a < rank; a++) {
                outDims[a] = dims[perm[a]];
            }
            assertThat(y.shape()).isEqualTo(Shape.of(outDims));
            int[] inStrides = Shape.of(dims).strides();
            int[] outCoord = new int[rank];
            for (int flat = 0; flat < y.size(); flat++) {
                unravel(flat, outDims, outCoord);
                int source = 0;
                for (int a = 0; a < rank; a++) {
                    source += outCoord[a] * inStrides[perm[a]];
                }
                assertThat(y.getDouble(flat)).as("rank %d element %d", rank, flat).isEqualTo(source);
            }
        }
    }

    @Test
    void copiesEveryDtypeExactly() {
        Tensor big = Tensor.ofLongs(Shape.of(2, 2), Long.MIN_VALUE, 1, (1L << 60) + 3, Long.MAX_VALUE);
        assertThat(transpose(big, 1, 0).toLongArray())
                .containsExactly(Long.MIN_VALUE, (1L << 60) + 3, 1, Long.MAX_VALUE);
        Tensor half = Tensor.fromDoubles(DType.FLOAT16, Shape.of(1, 2), new double[] {0.1, 65504});
        Tensor halfT = transpose(half, 1, 0);
        assertThat(halfT.dtype()).isEqualTo(DType.FLOAT16);
        assertThat(halfT.toDoubleArray()).containsExactly(half.toDoubleArray());
        Tensor bools = Tensor.ofBooleans(Shape.of(1, 3), true, false, true);
        assertThat(transpose(bools, 1, 0).toLongArray()).containsExactly(1, 0, 1);
        Tensor doubles = Tensor.ofDoubles(Shape.of(2, 1), 0.1, Double.NaN);
        assertThat(transpose(doubles, 1, 0).toDoubleArray()).containsExactly(0.1, Double.NaN);
    }

    @Test
    void handlesEmptyAndScalarTensors() {
        assertThat(transpose(iota(DType.FLOAT32, 0, 3), (int[]) null).shape()).isEqualTo(Shape.of(3, 0));
        assertThat(transpose(Tensor.scalar(DType.INT8, -4), (int[]) null).toLongArray()).containsExactly(-4);
    }

    @Test
    void rejectsInvalidPermutations() {
        Tensor x = iota(DType.FLOAT32, 2, 3);
        assertThatThrownBy(() -> transpose(x, 0, 0))
                .hasMessage("Transpose: perm [0, 0] is not a permutation of 0..1");
        assertThatThrownBy(() -> transpose(x, 0, 2)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> transpose(x, -1, 0)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> transpose(x, 0, 1, 2)).hasMessageContaining("has 3 entries but the input has rank 2");
    }

    @Property(tries = 50)
    void transposeThenInverseIsIdentity(@ForAll @IntRange(min = 0, max = 5) int rank,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random random = new Random(seed);
        int[] dims = new int[rank];
        for (int a = 0; a < rank; a++) {
            dims[a] = 1 + random.nextInt(3);
        }
        int[] perm = randomPermutation(rank, random);
        int[] inverse = new int[rank];
        for (int a = 0; a < rank; a++) {
            inverse[perm[a]] = a;
        }
        Tensor x = iota(DType.INT64, dims);
        assertThat(transpose(transpose(x, perm), inverse).sameAs(x)).isTrue();
    }

    private static int[] randomPermutation(int rank, Random random) {
        List<Integer> axes = new ArrayList<>();
        for (int a = 0; a < rank; a++) {
            axes.add(a);
        }
        Collections.shuffle(axes, random);
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void unravel(int flat, int[] dims, int[] coord) {
        for (int a = dims.length - 1; a >= 0; a--) {
            coord[a] = flat % dims[a];
            flat /= dims[a];
        }
    }
}
