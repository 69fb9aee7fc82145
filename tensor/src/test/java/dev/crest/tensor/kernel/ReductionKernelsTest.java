package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReductionKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();
    private static final String[] OPS = {"ReduceSum", "ReduceMean", "ReduceProd", "ReduceMax", "ReduceMin"};

    private static Tensor ints(long... values) {
        return Tensor.ofLongs(Shape.of(values.length), values);
    }

    private static Tensor reduce(String op, Tensor data, Tensor axes, long keepdims) {
        Attributes attributes = Attributes.builder().put("keepdims", keepdims).build();
        return axes == null ? REGISTRY.run1(op, attributes, data) : REGISTRY.run1(op, attributes, data, axes);
    }

    /** The ONNX specification's reduction example: shape [3, 2, 2]. */
    private static final Tensor SAMPLE = Tensor.ofFloats(Shape.of(3, 2, 2), 5, 1, 20, 2, 30, 1, 40, 2, 55, 1, 60, 2);

    @Test
    void reducesOneAxisKeepingOrDroppingIt() {
        Tensor mean = reduce("ReduceMean", SAMPLE, ints(1), 1);
        assertThat(mean.shape()).isEqualTo(Shape.of(3, 1, 2));
        assertThat(mean.toFloatArray()).containsExactly(12.5f, 1.5f, 35f, 1.5f, 57.5f, 1.5f);
        Tensor sum = reduce("ReduceSum", SAMPLE, ints(-2), 0);
        assertThat(sum.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(sum.toFloatArray()).containsExactly(25, 3, 70, 3, 115, 3);
        assertThat(reduce("ReduceMax", SAMPLE, ints(0), 0).toFloatArray()).containsExactly(55, 1, 60, 2);
        assertThat(reduce("ReduceMin", SAMPLE, ints(2), 0).toFloatArray()).containsExactly(1, 2, 1, 2, 1, 2);
        assertThat(reduce("ReduceProd", SAMPLE, ints(0, 2), 1).toFloatArray()).containsExactly(8250, 384000);
    }

    @Test
    void reducesEveryAxisWhenNoneAreGiven() {
        Tensor all = reduce("ReduceSum", SAMPLE, null, 1);
        assertThat(all.shape()).isEqualTo(Shape.of(1, 1, 1));
        assertThat(all.toFloatArray()).containsExactly(219);
        Tensor empty = reduce("ReduceMax", SAMPLE, Tensor.ofLongs(Shape.of(0)), 0);
        assertThat(empty.shape()).isEqualTo(Shape.scalar());
        assertThat(empty.toFloatArray()).containsExactly(60);
        Tensor scalar = reduce("ReduceMean", Tensor.scalar(DType.FLOAT64, 2.5), null, 1);
        assertThat(scalar.shape()).isEqualTo(Shape.scalar());
        assertThat(scalar.toDoubleArray()).containsExactly(2.5);
    }

    @Test
    void noopWithEmptyAxesReturnsTheInput() {
        Attributes noop = Attributes.builder().put("noop_with_empty_axes", 1L).build();
        assertThat(REGISTRY.run1("ReduceSum", noop, SAMPLE).sameAs(SAMPLE)).isTrue();
        assertThat(REGISTRY.run1("ReduceMin", noop, SAMPLE, Tensor.ofLongs(Shape.of(0))).sameAs(SAMPLE)).isTrue();
        assertThat(REGISTRY.run1("ReduceSum", noop, SAMPLE, ints(0)).shape()).isEqualTo(Shape.of(1, 2, 2));
    }

    @Test
    void acceptsTheOlderAxesAttribute() {
        Attributes old = Attributes.builder().put("axes", new long[] {1}).put("keepdims", 0L).build();
        for (String op : OPS) {
            assertThat(REGISTRY.run1(op, old, SAMPLE).toFloatArray()).as(op)
                    .containsExactly(reduce(op, SAMPLE, ints(1), 0).toFloatArray());
        }
        assertThatThrownBy(() -> REGISTRY.run1("ReduceSum", old, SAMPLE, ints(1)))
                .hasMessageContaining("both as an input and as an attribute");
    }

    @Test
    void matchesACoordinateOracleForRanksZeroToSix() {
        Random random = new Random(11);
        Closeness close = new Closeness(0, 1e-12);
        for (int rank = 0; rank <= 6; rank++) {
            for (int trial = 0; trial < 4; trial++) {
                int[] dims = new int[rank];
                for (int a = 0; a < rank; a++) {
                    dims[a] = 1 + random.nextInt(3);
                }
                Shape shape = Shape.of(dims);
                double[] values = new double[shape.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(7) - 3 + 0.25 * random.nextInt(4);
                }
                Tensor x = Tensor.ofDoubles(shape, values);
                boolean[] reduced = new boolean[rank];
                long[] axes = new long[rank];
                int n = 0;
                for (int a = 0; a < rank; a++) {
                    if (random.nextBoolean()) {
                        reduced[a] = true;
                        axes[n++] = random.nextBoolean() ? a : a - rank;
                    }
                }
                if (n == 0) {
                    Arrays.fill(reduced, true); // empty axes reduce everything
                }
                long keep = random.nextInt(2);
                for (String op : OPS) {
                    Tensor actual = reduce(op, x, ints(Arrays.copyOf(axes, n)), keep);
                    Tensor expected = oracle(op, x, reduced, keep == 1);
                    assertThat(actual.shape()).as("%s rank %d", op, rank).isEqualTo(expected.shape());
                    assertThat(close.allClose(actual, expected)).as("%s %s vs %s", op, actual, expected).isTrue();
                }
            }
        }
    }

    /** Reduces by visiting every input coordinate and accumulating into the output coordinate it maps to. */
    private static Tensor oracle(String op, Tensor x, boolean[] reduced, boolean keepDims) {
        int rank = x.rank();
        int[] dims = x.shape().dims();
        int[] keptDims = dims.clone();
        for (int a = 0; a < rank; a++) {
            if (reduced[a]) {
                keptDims[a] = 1;
            }
        }
        Shape kept = Shape.of(keptDims);
        double[] acc = new double[kept.size()];
        int[] count = new int[kept.size()];
        double init = op.equals("ReduceProd") ? 1 : op.equals("ReduceMax") ? Double.NEGATIVE_INFINITY
                : op.equals("ReduceMin") ? Double.POSITIVE_INFINITY : 0;
        Arrays.fill(acc, init);
        int[] keptStrides = kept.strides();
        for (int flat = 0; flat < x.size(); flat++) {
            int rest = flat;
            int target = 0;
            for (int a = rank - 1; a >= 0; a--) {
                int coord = rest % dims[a];
                rest /= dims[a];
                target += (reduced[a] ? 0 : coord) * keptStrides[a];
            }
            double v = x.getDouble(flat);
            switch (op) {
                case "ReduceProd":
                    acc[target] *= v;
                    break;
                case "ReduceMax":
                    acc[target] = Math.max(acc[target], v);
                    break;
                case "ReduceMin":
                    acc[target] = Math.min(acc[target], v);
                    break;
                default:
                    acc[target] += v;
            }
            count[target]++;
        }
        if (op.equals("ReduceMean")) {
            for (int i = 0; i < acc.length; i++) {
                acc[i] /= count[i];
            }
        }
        Shape out = kept;
        if (!keepDims) {
            int[] outDims = new int[rank];
            int n = 0;
            for (int a = 0; a < rank; a++) {
                if (!reduced[a]) {
                    outDims[n++] = dims[a];
                }
            }
            out = Shape.of(Arrays.copyOf(outDims, n));
        }
        return Tensor.ofDoubles(out, acc);
    }

    @Test
    void emptyReductionsGiveTheIdentityOfEachOperation() {
        Tensor empty = Tensor.zeros(DType.FLOAT32, Shape.of(2, 0));
        assertThat(reduce("ReduceSum", empty, ints(1), 0).toFloatArray()).containsExactly(0, 0);
        assertThat(reduce("ReduceProd", empty, ints(1), 1).toFloatArray()).containsExactly(1, 1);
        assertThat(reduce("ReduceMax", empty, ints(1), 0).toFloatArray())
                .containsExactly(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertThat(reduce("ReduceMin", empty, null, 0).toFloatArray()).containsExactly(Float.POSITIVE_INFINITY);
        Tensor emptyInts = Tensor.zeros(DType.INT8, Shape.of(0, 3));
        assertThat(reduce("ReduceMax", emptyInts, ints(0), 0).toLongArray()).containsExactly(-128, -128, -128);
        assertThat(reduce("ReduceMin", emptyInts, ints(0), 1).toLongArray()).containsExactly(127, 127, 127);
        assertThat(reduce("ReduceMin", Tensor.zeros(DType.UINT8, Shape.of(0)), null, 0).toLongArray())
                .containsExactly(255);
        assertThat(reduce("ReduceMax", Tensor.zeros(DType.INT64, Shape.of(0)), null, 0).toLongArray())
                .containsExactly(Long.MIN_VALUE);
        assertThat(reduce("ReduceMin", Tensor.zeros(DType.BOOL, Shape.of(0)), null, 0).toLongArray())
                .containsExactly(1);
        // Reducing the non-empty axis of an empty tensor gives an empty result, which needs no values.
        assertThat(reduce("ReduceMean", empty, ints(0), 1).shape()).isEqualTo(Shape.of(1, 0));
        assertThatThrownBy(() -> reduce("ReduceMean", empty, ints(1), 1))
                .hasMessage("ReduceMean: the mean of an empty set is undefined: data [2, 0] has no elements along "
                        + "the reduced axes");
    }

    @Test
    void maxAndMinPropagateNaN() {
        Tensor x = Tensor.ofDoubles(Shape.of(2, 3), 1, Double.NaN, 3, -1, -2, -3);
        assertThat(reduce("ReduceMax", x, ints(1), 0).toDoubleArray()).containsExactly(Double.NaN, -1);
        assertThat(reduce("ReduceMin", x, ints(1), 0).toDoubleArray()).containsExactly(Double.NaN, -3);
        assertThat(reduce("ReduceMin", x, ints(0), 0).toDoubleArray()).containsExactly(-1, Double.NaN, -3);
    }

    @Test
    void floatsAccumulateInDoubleAndRoundOnce() {
        // In float32 arithmetic 1e8 + 1 rounds back to 1e8, so the sum would be 0; in float64 it is 1.
        Tensor x = Tensor.ofFloats(Shape.of(3), 1e8f, 1f, -1e8f);
        assertThat(reduce("ReduceSum", x, null, 0).toFloatArray()).containsExactly(1f);
        Tensor halves = Tensor.fromDoubles(DType.FLOAT16, Shape.of(2), new double[] {2048, 1});
        // 2049 is not a float16; it rounds once to the even neighbour 2048.
        assertThat(reduce("ReduceSum", halves, null, 0).toDoubleArray()).containsExactly(2048);
        assertThat(reduce("ReduceMean", Tensor.ofFloats(Shape.of(3), 0.1f, 0.2f, 0.4f), null, 0).toFloatArray())
                .containsExactly((float) ((0.1f + (double) 0.2f + 0.4f) / 3));
    }

    @Test
    void integersAccumulateInInt64AndWrap() {
        Tensor x = Tensor.fromLongs(DType.INT32, Shape.of(2), new long[] {Integer.MAX_VALUE, 1});
        Tensor sum = reduce("ReduceSum", x, null, 0);
        assertThat(sum.dtype()).isEqualTo(DType.INT32);
        assertThat(sum.toLongArray()).containsExactly(Integer.MIN_VALUE);
        // Wrapped int32 product: 65536 * 65536 = 2^32, which wraps to 0.
        Tensor p = Tensor.fromLongs(DType.INT32, Shape.of(2), new long[] {65536, 65536});
        assertThat(reduce("ReduceProd", p, null, 0).toLongArray()).containsExactly(0);
        Tensor m = Tensor.fromLongs(DType.INT32, Shape.of(2), new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
        assertThat(reduce("ReduceMean", m, null, 0).toLongArray()).containsExactly(Integer.MAX_VALUE);
        assertThat(reduce("ReduceMean", ints(-7, 0), null, 0).toLongArray()).containsExactly(-3);
        Tensor big = ints(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(reduce("ReduceMax", big, null, 0).toLongArray()).containsExactly(Long.MAX_VALUE);
        assertThat(reduce("ReduceMin", big, null, 0).toLongArray()).containsExactly(Long.MAX_VALUE - 1);
    }

    @Test
    void maxAndMinWorkOnBytesAndBooleans() {
        Tensor b = Tensor.ofBooleans(Shape.of(2, 2), true, false, false, false);
        assertThat(reduce("ReduceMax", b, ints(1), 0).toLongArray()).containsExactly(1, 0);
        assertThat(reduce("ReduceMin", b, ints(0), 0).toLongArray()).containsExactly(0, 0);
        assertThat(reduce("ReduceMax", b, null, 0).dtype()).isEqualTo(DType.BOOL);
        Tensor u = Tensor.fromLongs(DType.UINT8, Shape.of(3), new long[] {200, 255, 3});
        assertThat(reduce("ReduceMax", u, null, 0).toLongArray()).containsExactly(255);
        Tensor s = Tensor.fromLongs(DType.INT8, Shape.of(3), new long[] {-128, 127, 3});
        assertThat(reduce("ReduceMin", s, null, 0).toLongArray()).containsExactly(-128);
    }

    @Test
    void rejectsTypesAndAxesOnnxDoesNotAllow() {
        Tensor bytes = Tensor.fromLongs(DType.INT8, Shape.of(2), new long[] {1, 2});
        assertThatThrownBy(() -> reduce("ReduceSum", bytes, null, 0))
                .hasMessage("ReduceSum: input data has unsupported dtype int8");
        assertThatThrownBy(() -> reduce("ReduceMean", Tensor.ofBooleans(Shape.of(1), true), null, 0))
                .hasMessageContaining("unsupported dtype bool");
        assertThatThrownBy(() -> reduce("ReduceMax", Tensor.zeros(DType.INT16, Shape.of(1)), null, 0))
                .hasMessageContaining("unsupported dtype int16");
        assertThatThrownBy(() -> reduce("ReduceSum", SAMPLE, ints(3), 0))
                .hasMessage("ReduceSum: axes 3 is out of range for rank 3 (expected -3 to 2)");
        assertThatThrownBy(() -> reduce("ReduceSum", SAMPLE, ints(1, -2), 0)).hasMessageContaining("twice");
        assertThatThrownBy(() -> reduce("ReduceSum", SAMPLE, null, 2)).hasMessageContaining("must be 0 or 1");
    }

    @Property(tries = 50)
    void reduceSumOverAllAxesIsTheSumOfTheElements(@ForAll @Size(min = 1, max = 24) long[] values,
            @ForAll @IntRange(min = 0, max = 1) int keep) {
        long expected = 0;
        for (long v : values) {
            expected += v;
        }
        Tensor x = Tensor.ofLongs(Shape.of(values.length), values);
        Tensor sum = reduce("ReduceSum", x, null, keep);
        assertThat(sum.toLongArray()).containsExactly(expected);
        assertThat(sum.shape()).isEqualTo(keep == 1 ? Shape.of(1) : Shape.scalar());
    }
}
