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

class ConvTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor ramp(Shape shape) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Tensor.ofDoubles(shape, values);
    }

    @Test
    void twoDimensionalOnesKernelWithAndWithoutPadding() {
        Tensor x = ramp(Shape.of(1, 1, 5, 5));
        Tensor w = Tensor.full(DType.FLOAT64, Shape.of(1, 1, 3, 3), 1);
        Tensor padded = REGISTRY.run1("Conv", Attributes.builder().put("pads", 1, 1, 1, 1).build(), x, w);
        assertThat(padded.toDoubleArray()).containsExactly(12, 21, 27, 33, 24, 33, 54, 63, 72, 51, 63, 99, 108, 117,
                81, 93, 144, 153, 162, 111, 72, 111, 117, 123, 84);
        Tensor valid = REGISTRY.run1("Conv", Attributes.empty(), x, w);
        assertThat(valid.shape()).isEqualTo(Shape.of(1, 1, 3, 3));
        assertThat(valid.toDoubleArray()).containsExactly(54, 63, 72, 99, 108, 117, 144, 153, 162);
        Tensor strided = REGISTRY.run1("Conv",
                Attributes.builder().put("pads", 1, 1, 1, 1).put("strides", 2, 2).put("kernel_shape", 3, 3).build(),
                x, w);
        assertThat(strided.toDoubleArray()).containsExactly(12, 27, 24, 63, 108, 81, 72, 117, 84);
        assertThat(REGISTRY.get("Conv").sinceVersion()).isEqualTo(11);
    }

    @Test
    void oneDimensionalDilationAndBias() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 1, 5), 1, 2, 3, 4, 5);
        Tensor w = Tensor.ofFloats(Shape.of(2, 1, 2), 1, 1, 1, -1);
        Tensor b = Tensor.ofFloats(Shape.of(2), 10, 0);
        // dilation 2: pairs (x0,x2), (x1,x3), (x2,x4).
        Tensor y = REGISTRY.run1("Conv", Attributes.builder().put("dilations", new int[] {2}).build(), x, w, b);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 3));
        assertThat(y.toDoubleArray()).containsExactly(14, 16, 18, -2, -2, -2);
    }

    @Test
    void groupsConvolveChannelBlocksSeparately() {
        // Depthwise: 2 channels, 2 groups, one 1x1 filter per channel with weights 2 and -1.
        Tensor x = Tensor.ofDoubles(Shape.of(1, 2, 1, 2), 1, 2, 3, 4);
        Tensor w = Tensor.ofDoubles(Shape.of(2, 1, 1, 1), 2, -1);
        Tensor y = REGISTRY.run1("Conv", Attributes.builder().put("group", 2L).build(), x, w);
        assertThat(y.toDoubleArray()).containsExactly(2, 4, -3, -4);
    }

    @Test
    void autoPadModes() {
        Tensor x = Tensor.ofDoubles(Shape.of(1, 1, 4), 1, 2, 3, 4);
        Tensor w = Tensor.ofDoubles(Shape.of(1, 1, 2), 1, 1);
        Tensor upper = REGISTRY.run1("Conv", Attributes.builder().put("auto_pad", "SAME_UPPER").build(), x, w);
        assertThat(upper.toDoubleArray()).containsExactly(3, 5, 7, 4);
        Tensor lower = REGISTRY.run1("Conv", Attributes.builder().put("auto_pad", "SAME_LOWER").build(), x, w);
        assertThat(lower.toDoubleArray()).containsExactly(1, 3, 5, 7);
        Tensor valid = REGISTRY.run1("Conv",
                Attributes.builder().put("auto_pad", "VALID").put("strides", new int[] {2}).build(), x, w);
        assertThat(valid.toDoubleArray()).containsExactly(3, 7);
        // SAME with stride 2 keeps ceil(4/2) = 2 outputs and needs no padding here: windows (1,2) and (3,4).
        Tensor sameStrided = REGISTRY.run1("Conv",
                Attributes.builder().put("auto_pad", "SAME_UPPER").put("strides", new int[] {2}).build(), x, w);
        assertThat(sameStrided.toDoubleArray()).containsExactly(3, 7);
    }

    @Test
    void float16InputsRoundOnce() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 3, 1), 2048, 1, 1).cast(DType.FLOAT16);
        Tensor w = Tensor.ofFloats(Shape.of(1, 3, 1), 1, 1, 1).cast(DType.FLOAT16);
        // 2048 + 1 + 1 = 2050 is representable in float16; summing in float16 would give 2048.
        Tensor y = REGISTRY.run1("Conv", Attributes.empty(), x, w);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
        assertThat(y.getDouble(0)).isEqualTo(2050);
    }

    @Test
    void rejectsBadInputs() {
        Tensor x = ramp(Shape.of(1, 2, 3, 3));
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.empty(), x, ramp(Shape.of(1, 3, 2, 2))))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("channel mismatch: X has 2 channels and group is 1");
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.empty(), x, ramp(Shape.of(1, 2, 4, 1))))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("larger than the padded input 3");
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.builder().put("auto_pad", "SAME").build(), x,
                ramp(Shape.of(1, 2, 2, 2))))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'auto_pad' must be NOTSET, SAME_UPPER, SAME_LOWER or VALID");
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.builder().put("kernel_shape", 3, 3).build(), x,
                ramp(Shape.of(1, 2, 2, 2))))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'kernel_shape' [3, 3] does not match");
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.builder().put("group", 3L).build(), x,
                ramp(Shape.of(3, 1, 2, 2))))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("group 3 must divide");
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.builder().put("pads", 1, 1).build(), x,
                ramp(Shape.of(1, 2, 2, 2))))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'pads' needs 4 values");
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.empty(), x, ramp(Shape.of(1, 2, 2, 2)),
                ramp(Shape.of(2))))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("B must be 1-D with 1 values");
        assertThatThrownBy(() -> REGISTRY.run1("Conv", Attributes.empty(), x.cast(DType.INT64),
                ramp(Shape.of(1, 2, 2, 2)).cast(DType.INT64)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("must be a float tensor");
    }

    /** Direct-loop convolution over any spatial rank: the definition, with no unfolding or BLAS. */
    private static double[] naiveConv(double[] x, int[] xDims, double[] w, int[] wDims, double[] bias, int group,
            int[] strides, int[] padsBegin, int[] dilations, int[] outSpatial) {
        int rank = xDims.length - 2;
        int batch = xDims[0];
        int channels = xDims[1];
        int filters = wDims[0];
        int cg = channels / group;
        int mg = filters / group;
        int outSize = 1;
        for (int o : outSpatial) {
            outSize *= o;
        }
        int kernelSize = 1;
        int inSize = 1;
        for (int d = 0; d < rank; d++) {
            kernelSize *= wDims[2 + d];
            inSize *= xDims[2 + d];
        }
        double[] out = new double[batch * filters * outSize];
        for (int n = 0; n < batch; n++) {
            for (int f = 0; f < filters; f++) {
                int g = f / mg;
                for (int o = 0; o < outSize; o++) {
                    int[] oIdx = unflatten(o, outSpatial);
                    double sum = bias == null ? 0 : bias[f];
                    for (int c = 0; c < cg; c++) {
                        for (int kj = 0; kj < kernelSize; kj++) {
                            int[] kIdx = unflatten(kj, java.util.Arrays.copyOfRange(wDims, 2, wDims.length));
                            int flat = 0;
                            boolean inside = true;
                            for (int d = 0; d < rank; d++) {
                                int coordinate = oIdx[d] * strides[d] - padsBegin[d] + kIdx[d] * dilations[d];
                                if (coordinate < 0 || coordinate >= xDims[2 + d]) {
                                    inside = false;
                                    break;
                                }
                                flat = flat * xDims[2 + d] + coordinate;
                            }
                            if (inside) {
                                sum += x[(n * channels + g * cg + c) * inSize + flat]
                                        * w[(f * cg + c) * kernelSize + kj];
                            }
                        }
                    }
                    out[(n * filters + f) * outSize + o] = sum;
                }
            }
        }
        return out;
    }

    static int[] unflatten(int flat, int[] dims) {
        int[] index = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            index[d] = flat % dims[d];
            flat /= dims[d];
        }
        return index;
    }

    @Property(tries = 50)
    void matchesNaiveOracle(@ForAll @IntRange(min = 1, max = 3) int rank, @ForAll boolean withBias,
            @ForAll boolean float32, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int group = random.nextInt(1, 3);
        int channels = group * random.nextInt(1, 3);
        int filters = group * random.nextInt(1, 3);
        int batch = random.nextInt(1, 3);
        int[] xDims = new int[rank + 2];
        int[] wDims = new int[rank + 2];
        xDims[0] = batch;
        xDims[1] = channels;
        wDims[0] = filters;
        wDims[1] = channels / group;
        int[] strides = new int[rank];
        int[] dilations = new int[rank];
        int[] pads = new int[2 * rank];
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            int in = random.nextInt(1, rank == 3 ? 5 : 8);
            strides[d] = random.nextInt(1, 3);
            dilations[d] = random.nextInt(1, 3);
            pads[d] = random.nextInt(0, 3);
            pads[rank + d] = random.nextInt(0, 3);
            int maxKernel = (in + pads[d] + pads[rank + d] - 1) / dilations[d] + 1;
            int k = random.nextInt(1, Math.min(maxKernel, 3) + 1);
            xDims[2 + d] = in;
            wDims[2 + d] = k;
            out[d] = (in + pads[d] + pads[rank + d] - dilations[d] * (k - 1) - 1) / strides[d] + 1;
        }
        DType dtype = float32 ? DType.FLOAT32 : DType.FLOAT64;
        Tensor x = MatMulTest.randomTensor(dtype, Shape.of(xDims), random);
        Tensor w = MatMulTest.randomTensor(dtype, Shape.of(wDims), random);
        Tensor b = withBias ? MatMulTest.randomTensor(dtype, Shape.of(filters), random) : null;
        Attributes attributes = Attributes.builder().put("group", (long) group).put("strides", strides)
                .put("dilations", dilations).put("pads", pads).build();
        Tensor got = REGISTRY.run1("Conv", attributes, x, w, b);
        double[] expected = naiveConv(x.toDoubleArray(), xDims, w.toDoubleArray(), wDims,
                b == null ? null : b.toDoubleArray(), group, strides, java.util.Arrays.copyOf(pads, rank), dilations,
                out);
        int[] outDims = new int[rank + 2];
        outDims[0] = batch;
        outDims[1] = filters;
        System.arraycopy(out, 0, outDims, 2, rank);
        Tensor want = Tensor.fromDoubles(dtype, Shape.of(outDims), expected);
        assertThat(new Closeness(1e-12, 1e-6).allClose(got, want)).as("%s vs %s", got, want).isTrue();
    }
}
