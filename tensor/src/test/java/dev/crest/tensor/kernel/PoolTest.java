package dev.crest.tensor.kernel;

import static dev.crest.tensor.kernel.KernelFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PoolTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor signal(double... values) {
        return Tensor.ofDoubles(Shape.of(1, 1, values.length), values);
    }

    private static List<Tensor> maxPool(Attributes attributes, Tensor x) {
        return REGISTRY.run("MaxPool", List.of(x), attributes);
    }

    private static Attributes.Builder kernel(int... kernel) {
        return Attributes.builder().put("kernel_shape", kernel);
    }

    @Test
    void maxPoolTwoDimensionalWithIndicesInBothStorageOrders() {
        Tensor x = ramp(Shape.of(1, 1, 4, 4));
        List<Tensor> rowMajor = maxPool(kernel(2, 2).put("strides", 2, 2).build(), x);
        assertThat(rowMajor.get(0).toDoubleArray()).containsExactly(5, 7, 13, 15);
        assertThat(rowMajor.get(1).dtype()).isEqualTo(DType.INT64);
        assertThat(rowMajor.get(1).toLongArray()).containsExactly(5, 7, 13, 15);
        List<Tensor> columnMajor = maxPool(kernel(2, 2).put("strides", 2, 2).put("storage_order", 1L).build(), x);
        // (h, w) = (1,1), (1,3), (3,1), (3,3) -> h + 4w.
        assertThat(columnMajor.get(1).toLongArray()).containsExactly(5, 13, 7, 15);
        assertThat(REGISTRY.get("MaxPool").sinceVersion()).isEqualTo(12);
        assertThat(REGISTRY.get("AveragePool").sinceVersion()).isEqualTo(19);
    }

    @Test
    void maxPoolIndicesCountWholeBatchAndChannels() {
        Tensor x = Tensor.ofDoubles(Shape.of(2, 2, 2), 1, 0, 0, 1, 5, 6, 8, 7);
        List<Tensor> out = maxPool(kernel(2).build(), x);
        assertThat(out.get(0).toDoubleArray()).containsExactly(1, 1, 6, 8);
        assertThat(out.get(1).toLongArray()).containsExactly(0, 3, 5, 6);
    }

    @Test
    void maxPoolPaddingDilationCeilAndAutoPad() {
        List<Tensor> padded = maxPool(kernel(3).put("pads", 1, 1).build(), signal(3, 1, 2));
        assertThat(padded.get(0).toDoubleArray()).containsExactly(3, 3, 2);
        assertThat(padded.get(1).toLongArray()).containsExactly(0, 0, 2);
        assertThat(maxPool(kernel(2).put("dilations", new int[] {2}).build(), signal(1, 5, 2, 4, 3)).get(0)
                .toDoubleArray()).containsExactly(2, 5, 3);
        Tensor five = signal(1, 2, 3, 4, 5);
        assertThat(maxPool(kernel(2).put("strides", new int[] {2}).build(), five).get(0).toDoubleArray())
                .containsExactly(2, 4);
        assertThat(maxPool(kernel(2).put("strides", new int[] {2}).put("ceil_mode", 1L).build(), five).get(0)
                .toDoubleArray()).containsExactly(2, 4, 5);
        // in 4 + end pad 1, kernel 2, stride 2: ceil would give 3 windows but the last would start in the padding.
        assertThat(maxPool(kernel(2).put("strides", new int[] {2}).put("pads", 0, 1).put("ceil_mode", 1L).build(),
                signal(1, 2, 3, 4)).get(0).toDoubleArray()).containsExactly(2, 4);
        assertThat(maxPool(kernel(2).put("auto_pad", "SAME_UPPER").build(), signal(1, 2, 3, 4)).get(0)
                .toDoubleArray()).containsExactly(2, 3, 4, 4);
        assertThat(maxPool(kernel(2).put("auto_pad", "SAME_LOWER").build(), signal(1, 2, 3, 4)).get(0)
                .toDoubleArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void maxPoolKeepsIntegerAndFloatDTypes() {
        Tensor x = Tensor.fromLongs(DType.INT8, Shape.of(1, 1, 3), new long[] {-5, -3, -7});
        Tensor y = maxPool(kernel(2).build(), x).get(0);
        assertThat(y.dtype()).isEqualTo(DType.INT8);
        assertThat(y.toLongArray()).containsExactly(-3, -3);
        assertThat(maxPool(kernel(1).build(), Tensor.ofFloats(Shape.of(1, 1, 2), 1.5f, 2.5f)).get(0).dtype())
                .isEqualTo(DType.FLOAT32);
    }

    @Test
    void averagePoolCases() {
        Tensor grid = ramp(Shape.of(1, 1, 4, 4));
        assertThat(REGISTRY.run1("AveragePool", kernel(2, 2).put("strides", 2, 2).build(), grid).toDoubleArray())
                .containsExactly(2.5, 4.5, 10.5, 12.5);
        Tensor x = signal(3, 1, 2);
        assertThat(REGISTRY.run1("AveragePool", kernel(3).put("pads", 1, 1).build(), x).toDoubleArray())
                .containsExactly(2, 2, 1.5);
        Tensor included = REGISTRY.run1("AveragePool", kernel(3).put("pads", 1, 1).put("count_include_pad", 1L)
                .build(), x);
        assertThat(included.toDoubleArray()).containsExactly(4.0 / 3, 2, 1);
        assertThat(REGISTRY.run1("AveragePool", kernel(2).put("strides", new int[] {2}).put("ceil_mode", 1L)
                .put("count_include_pad", 1L).build(), signal(1, 2, 3, 4, 5)).toDoubleArray())
                .containsExactly(1.5, 3.5, 5);
        assertThat(REGISTRY.run1("AveragePool", kernel(2).put("dilations", new int[] {2}).build(),
                signal(1, 5, 2, 4, 3)).toDoubleArray()).containsExactly(1.5, 4.5, 2.5);
        assertThat(REGISTRY.run1("AveragePool", kernel(2).put("auto_pad", "SAME_UPPER").build(),
                signal(1, 2, 3, 4)).toDoubleArray()).containsExactly(1.5, 2.5, 3.5, 4);
        Tensor half = REGISTRY.run1("AveragePool", kernel(2).build(),
                Tensor.ofFloats(Shape.of(1, 1, 2), 1, 2).cast(DType.FLOAT16));
        assertThat(half.dtype()).isEqualTo(DType.FLOAT16);
        assertThat(half.getDouble(0)).isEqualTo(1.5);
    }

    /**
     * ONNX's divisor with ceil_mode: count_include_pad counts the explicit pads, never the positions a last
     * ceil-mode window reaches beyond the end pad (onnx/onnx#6650 fixed the numpy reference to this; ONNX Runtime's
     * opset-19 kernel and PyTorch agree; its opset 7-18 MLAS kernel divides by the whole kernel,
     * microsoft/onnxruntime#16203). The geometry of a campaign finding against ONNX Runtime: one element, kernel 9,
     * stride 2, pads 8/1.
     */
    @Test
    void averagePoolCeilModeOverhangIsNeverCounted() {
        Attributes.Builder window = kernel(9, 1).put("strides", 2, 1).put("pads", 8, 0, 1, 0).put("ceil_mode", 1L);
        Tensor x = Tensor.ofDoubles(Shape.of(1, 1, 1, 1), 7.2);
        // padded length 1 + 8 + 1 = 10: ceil((10 - 9) / 2) + 1 = 2 windows, starting at -8 and -6 (inside the begin
        // pad). The first covers [-8, 0], all inside the padded input; the second [-6, 2], whose last position 2
        // lies past the end pad (which ends at 1): 8 counted positions.
        Tensor included = REGISTRY.run1("AveragePool", window.put("count_include_pad", 1L).build(), x);
        assertThat(included.shape()).isEqualTo(Shape.of(1, 1, 2, 1));
        assertThat(included.toDoubleArray()).containsExactly(7.2 / 9, 7.2 / 8);
        Tensor excluded = REGISTRY.run1("AveragePool", window.put("count_include_pad", 0L).build(), x);
        assertThat(excluded.toDoubleArray()).containsExactly(7.2, 7.2);
        // MaxPool has the same windows: the element is in both.
        assertThat(maxPool(window.build(), x).get(0).toDoubleArray()).containsExactly(7.2, 7.2);
    }

    @Test
    void rejectsBadAttributes() {
        Tensor x = ramp(Shape.of(1, 1, 3, 3));
        assertThatThrownBy(() -> maxPool(Attributes.empty(), x))
                .isInstanceOf(TensorException.class)
                .hasMessage("MaxPool: missing required attribute 'kernel_shape'");
        assertThatThrownBy(() -> maxPool(kernel(2).build(), x))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'kernel_shape' needs 2 values");
        assertThatThrownBy(() -> REGISTRY.run1("AveragePool", kernel(4, 1).build(), x))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("larger than the padded input 3");
        assertThatThrownBy(() -> maxPool(kernel(2, 2).put("storage_order", 2L).build(), x))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'storage_order' must be 0");
        assertThatThrownBy(() -> maxPool(kernel(2, 2).put("strides", 1).build(), x))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'strides'");
        assertThatThrownBy(() -> maxPool(kernel(2).build(), Tensor.ofDoubles(Shape.of(1, 3), 1, 2, 3)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("at least one spatial axis");
        assertThatThrownBy(() -> REGISTRY.run1("AveragePool", kernel(1, 1).build(), x.cast(DType.INT32)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("must be a float tensor");
    }

    /** Output size by ONNX's formula, with the ceil-mode rule that a window may not start in the end padding. */
    private static int outputSize(int in, int k, int stride, int pb, int pe, int dil, boolean ceil) {
        int room = in + pb + pe - dil * (k - 1) - 1;
        int out = (ceil ? (room + stride - 1) / stride : room / stride) + 1;
        if (ceil && (out - 1) * stride >= in + pb) {
            out--;
        }
        return out;
    }

    @Property(tries = 50)
    void poolsMatchNaiveOracle(@ForAll @IntRange(min = 1, max = 2) int rank, @ForAll boolean ceil,
            @ForAll boolean includePad, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] xDims = new int[rank + 2];
        xDims[0] = random.nextInt(1, 3);
        xDims[1] = random.nextInt(1, 3);
        int[] k = new int[rank];
        int[] s = new int[rank];
        int[] dil = new int[rank];
        int[] pads = new int[2 * rank];
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            int in = random.nextInt(1, 8);
            xDims[2 + d] = in;
            k[d] = random.nextInt(1, 4);
            s[d] = random.nextInt(1, 4);
            dil[d] = random.nextInt(1, 3);
            // ONNX requires pads smaller than the kernel extent, so a window always touches the input.
            pads[d] = random.nextInt(0, k[d]);
            pads[rank + d] = random.nextInt(0, k[d]);
            // Shrink the kernel until it fits the padded input, keeping every pad below the (shrunk) kernel.
            while (true) {
                pads[d] = Math.min(pads[d], k[d] - 1);
                pads[rank + d] = Math.min(pads[rank + d], k[d] - 1);
                if (dil[d] * (k[d] - 1) + 1 <= in + pads[d] + pads[rank + d]) {
                    break;
                }
                k[d]--;
            }
            out[d] = outputSize(in, k[d], s[d], pads[d], pads[rank + d], dil[d], ceil);
        }
        Tensor x = MatMulTest.randomTensor(DType.FLOAT64, Shape.of(xDims), random);
        Attributes attributes = Attributes.builder().put("kernel_shape", k).put("strides", s)
                .put("dilations", dil).put("pads", pads).put("ceil_mode", ceil ? 1L : 0L)
                .put("count_include_pad", includePad ? 1L : 0L).build();
        List<Tensor> max = REGISTRY.run("MaxPool", List.of(x), attributes);
        Tensor avg = REGISTRY.run1("AveragePool", attributes, x);

        int planes = xDims[0] * xDims[1];
        int[] in = Arrays.copyOfRange(xDims, 2, xDims.length);
        int inSize = Arrays.stream(in).reduce(1, (a, b) -> a * b);
        int outSize = Arrays.stream(out).reduce(1, (a, b) -> a * b);
        int kSize = Arrays.stream(k).reduce(1, (a, b) -> a * b);
        double[] xd = x.toDoubleArray();
        double[] wantMax = new double[planes * outSize];
        long[] wantIndex = new long[planes * outSize];
        double[] wantAvg = new double[planes * outSize];
        for (int plane = 0; plane < planes; plane++) {
            for (int o = 0; o < outSize; o++) {
                int[] oIdx = ConvTest.unflatten(o, out);
                double best = Double.NEGATIVE_INFINITY;
                long bestIndex = -1;
                double sum = 0;
                int valid = 0;
                int inPadded = 0;
                for (int kj = 0; kj < kSize; kj++) {
                    int[] kIdx = ConvTest.unflatten(kj, k);
                    boolean inside = true;
                    boolean insidePadded = true;
                    int flat = 0;
                    for (int d = 0; d < rank; d++) {
                        int c = oIdx[d] * s[d] - pads[d] + kIdx[d] * dil[d];
                        inside &= c >= 0 && c < in[d];
                        insidePadded &= c >= -pads[d] && c < in[d] + pads[rank + d];
                        flat = flat * in[d] + c;
                    }
                    if (insidePadded) {
                        inPadded++;
                    }
                    if (inside) {
                        double v = xd[plane * inSize + flat];
                        valid++;
                        sum += v;
                        if (v > best) {
                            best = v;
                            bestIndex = (long) plane * inSize + flat;
                        }
                    }
                }
                wantMax[plane * outSize + o] = best;
                wantIndex[plane * outSize + o] = bestIndex;
                wantAvg[plane * outSize + o] = sum / (includePad ? inPadded : valid);
            }
        }
        int[] outDims = new int[rank + 2];
        outDims[0] = xDims[0];
        outDims[1] = xDims[1];
        System.arraycopy(out, 0, outDims, 2, rank);
        Closeness close = new Closeness(1e-12, 1e-12);
        assertThat(close.allClose(max.get(0), Tensor.ofDoubles(Shape.of(outDims), wantMax))).isTrue();
        assertThat(max.get(1).toLongArray()).containsExactly(wantIndex);
        assertThat(close.allClose(avg, Tensor.ofDoubles(Shape.of(outDims), wantAvg))).as("%s", avg).isTrue();
    }
}
