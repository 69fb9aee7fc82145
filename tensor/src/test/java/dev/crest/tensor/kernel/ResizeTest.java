package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
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

class ResizeTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();
    private static final Closeness CLOSE = new Closeness(1e-6, 1e-6);

    private static Tensor scales(double... values) {
        return Tensor.ofFloats(Shape.of(values.length), toFloats(values));
    }

    private static Tensor sizes(long... values) {
        return Tensor.ofLongs(Shape.of(values.length), values);
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static Tensor ramp(int... dims) {
        Shape shape = Shape.of(dims);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        return Tensor.ofFloats(shape, toFloats(values));
    }

    private static Tensor resize(Attributes attributes, Tensor x, Tensor roi, Tensor scales, Tensor sizes) {
        return REGISTRY.run1("Resize", attributes, x, roi, scales, sizes);
    }

    private static void assertValues(Tensor actual, Shape shape, double... expected) {
        assertThat(actual.shape()).isEqualTo(shape);
        Tensor want = Tensor.fromDoubles(actual.dtype(), shape, expected);
        assertThat(CLOSE.allClose(actual, want)).as("%s vs %s", Arrays.toString(actual.toDoubleArray()),
                Arrays.toString(expected)).isTrue();
    }

    private static Attributes.Builder mode(String mode) {
        return Attributes.builder().put("mode", mode);
    }

    @Test
    void nearestUpAndDownsampling() {
        Tensor y = resize(Attributes.empty(), ramp(1, 1, 2, 2), null, scales(1, 1, 2, 3), null);
        assertValues(y, Shape.of(1, 1, 4, 6), 1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4);
        Tensor down = resize(Attributes.empty(), ramp(1, 1, 2, 4), null, scales(1, 1, 0.6, 0.6), null);
        assertValues(down, Shape.of(1, 1, 1, 2), 1, 3);
        assertThat(REGISTRY.get("Resize").sinceVersion()).isEqualTo(19);
    }

    @Test
    void nearestModesRoundAsymmetricCoordinates() {
        // asymmetric: x_original = x / 4 = 0, .25, .5, .75, 1, 1.25, 1.5, 1.75 over input [1, 2].
        Tensor x = ramp(2);
        Attributes.Builder base = mode("nearest").put("coordinate_transformation_mode", "asymmetric");
        assertValues(resize(base.put("nearest_mode", "round_prefer_floor").build(), x, null, scales(4), null),
                Shape.of(8), 1, 1, 1, 2, 2, 2, 2, 2);
        assertValues(resize(base.put("nearest_mode", "round_prefer_ceil").build(), x, null, scales(4), null),
                Shape.of(8), 1, 1, 2, 2, 2, 2, 2, 2);
        assertValues(resize(base.put("nearest_mode", "floor").build(), x, null, scales(4), null),
                Shape.of(8), 1, 1, 1, 1, 2, 2, 2, 2);
        assertValues(resize(base.put("nearest_mode", "ceil").build(), x, null, scales(4), null),
                Shape.of(8), 1, 2, 2, 2, 2, 2, 2, 2);
    }

    @Test
    void linearHalfPixelAndAlignCorners() {
        Tensor x = ramp(1, 1, 2, 2);
        assertValues(resize(mode("linear").build(), x, null, scales(1, 1, 2, 2), null), Shape.of(1, 1, 4, 4),
                1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4);
        double third = 1.0 / 3;
        assertValues(resize(mode("linear").put("coordinate_transformation_mode", "align_corners").build(), x, null,
                scales(1, 1, 2, 2), null), Shape.of(1, 1, 4, 4),
                1, 1 + third, 1 + 2 * third, 2, 1 + 2 * third, 2, 2 + third, 2 + 2 * third,
                2 + third, 2 + 2 * third, 3, 3 + third, 3, 3 + third, 3 + 2 * third, 4);
        // Downsampling by 0.6: rows sample coordinate 1/3, columns 1/3 and 2.
        assertValues(resize(mode("linear").build(), ramp(1, 1, 2, 4), null, scales(1, 1, 0.6, 0.6), null),
                Shape.of(1, 1, 1, 2), 1 + 4 * third + third, 3 + 4 * third);
    }

    @Test
    void cubicMatchesOnnxDocumentedValues() {
        Tensor x = ramp(1, 1, 4, 4);
        Tensor up = resize(mode("cubic").build(), x, null, scales(1, 1, 2, 2), null);
        assertThat(up.shape()).isEqualTo(Shape.of(1, 1, 8, 8));
        double[] firstRow = Arrays.copyOf(up.toDoubleArray(), 8);
        double[] documented = {0.47265625, 0.76953125, 1.24609375, 1.875, 2.28125, 2.91015625, 3.38671875,
            3.68359375};
        for (int i = 0; i < 8; i++) {
            assertThat(CLOSE.test(firstRow[i], documented[i])).as("column %d: %s", i, firstRow[i]).isTrue();
        }
        Tensor down = resize(mode("cubic").build(), x, null, scales(1, 1, 0.8, 0.8), null);
        assertValues(down, Shape.of(1, 1, 3, 3), 1.47119141, 2.78125, 4.08251953, 6.71142578, 8.02148438,
                9.32275391, 11.91650391, 13.2265625, 14.52783203);
    }

    @Test
    void cubicExcludeOutsideRenormalizesInsideTaps() {
        // Upsampling [1, 2] by 2 with half_pixel: output 0 samples coordinate -0.25, taps -2..1; with
        // exclude_outside only indices 0 (distance 0.25) and 1 (distance 1.25) keep their weights, renormalized.
        double a = -0.5;
        double k025 = ((a + 2) * 0.25 - (a + 3)) * 0.25 * 0.25 + 1;
        double k125 = ((a * 1.25 - 5 * a) * 1.25 + 8 * a) * 1.25 - 4 * a;
        double expected = (k025 * 1 + k125 * 2) / (k025 + k125);
        Tensor y = resize(mode("cubic").put("cubic_coeff_a", a).put("exclude_outside", 1L).build(),
                Tensor.ofDoubles(Shape.of(2), 1, 2), null, scales(2), null);
        assertThat(y.getDouble(0)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void tfCropAndResizeWithExtrapolation() {
        Tensor x = ramp(1, 1, 4, 4);
        Tensor roi = Tensor.ofFloats(Shape.of(8), 0, 0, 0.4f, 0.6f, 1, 1, 0.6f, 0.8f);
        Attributes crop = mode("linear").put("coordinate_transformation_mode", "tf_crop_and_resize").build();
        // Rows sample 1.2, 1.5, 1.8 and columns 1.8, 2.1, 2.4 of the plane value 4r + c + 1.
        assertValues(resize(crop, x, roi, null, sizes(1, 1, 3, 3)), Shape.of(1, 1, 3, 3),
                7.6, 7.9, 8.2, 8.8, 9.1, 9.4, 10, 10.3, 10.6);
        Tensor wide = Tensor.ofFloats(Shape.of(8), 0, 0, 0.4f, 0.6f, 1, 1, 1.2f, 1.7f);
        Attributes extrapolate = mode("linear").put("coordinate_transformation_mode", "tf_crop_and_resize")
                .put("extrapolation_value", 10.0).build();
        assertValues(resize(extrapolate, x, wide, null, sizes(1, 1, 3, 3)), Shape.of(1, 1, 3, 3),
                7.6, 10, 10, 12.4, 10, 10, 10, 10, 10);
    }

    @Test
    void sizesWithAxesAndAspectRatioPolicies() {
        Tensor x = ramp(1, 1, 2, 4);
        Attributes notLarger = Attributes.builder().put("axes", 2, 3).put("keep_aspect_ratio_policy", "not_larger")
                .build();
        // scale = min(1/2, 3/4) = 0.5 on both axes: output 1 x 2.
        assertValues(resize(notLarger, x, null, null, sizes(1, 3)), Shape.of(1, 1, 1, 2), 1, 3);
        Attributes notSmaller = Attributes.builder().put("axes", 2, 3)
                .put("keep_aspect_ratio_policy", "not_smaller").build();
        // scale = max(1/2, 3/4) = 0.75: output round(1.5) = 2 rows, 3 columns.
        assertThat(resize(notSmaller, x, null, null, sizes(1, 3)).shape()).isEqualTo(Shape.of(1, 1, 2, 3));
        Attributes negativeAxis = Attributes.builder().put("axes", new int[] {-1}).build();
        assertValues(resize(negativeAxis, x, null, null, sizes(2)), Shape.of(1, 1, 2, 2), 1, 3, 5, 7);
    }

    @Test
    void otherCoordinateModes() {
        Tensor x = Tensor.ofDoubles(Shape.of(2), 1, 2);
        // pytorch_half_pixel maps a length-1 output to coordinate 0.
        assertValues(resize(mode("linear").put("coordinate_transformation_mode", "pytorch_half_pixel").build(),
                x, null, null, sizes(1)), Shape.of(1), 1);
        // half_pixel_symmetric with scale 2.6 (5 outputs): output 2 samples 0.5 instead of half_pixel's 6/13.
        Tensor symmetric = resize(mode("linear").put("coordinate_transformation_mode", "half_pixel_symmetric")
                .build(), x, null, Tensor.ofDoubles(Shape.of(1), 2.6), null);
        assertThat(symmetric.getDouble(2)).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-12));
        Tensor half = resize(mode("linear").build(), x, null, Tensor.ofDoubles(Shape.of(1), 2.6), null);
        assertThat(half.getDouble(2)).isCloseTo(1 + 6.0 / 13, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void antialiasWidensTheLinearFilterWhenDownsampling() {
        // scale 0.5: the tent spans 4 taps with weights 1/8, 3/8, 3/8, 1/8 around coordinates 0.5 and 2.5, so
        // positions average to 0.625 and 2.375 (index -1 reads the edge) on the plane value 4r + c + 1.
        Tensor y = resize(mode("linear").put("antialias", 1L).build(), ramp(1, 1, 4, 4), null,
                scales(1, 1, 0.5, 0.5), null);
        assertValues(y, Shape.of(1, 1, 2, 2), 4 * 0.625 + 0.625 + 1, 4 * 0.625 + 2.375 + 1,
                4 * 2.375 + 0.625 + 1, 4 * 2.375 + 2.375 + 1);
    }

    @Property(tries = 30)
    void antialiasChangesNothingWhenUpsamplingAndKeepsConstantsWhenDownsampling(@ForAll boolean cubic,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String mode = cubic ? "cubic" : "linear";
        Tensor x = MatMulTest.randomTensor(DType.FLOAT64, Shape.of(random.nextInt(1, 5), random.nextInt(1, 5)),
                random);
        Tensor up = scales(random.nextDouble(1, 3), random.nextDouble(1, 3));
        Tensor plain = resize(mode(mode).build(), x, null, up, null);
        Tensor smoothed = resize(mode(mode).put("antialias", 1L).build(), x, null, up, null);
        assertThat(new Closeness(1e-12, 1e-12).allClose(smoothed, plain)).isTrue();

        Tensor constant = Tensor.full(DType.FLOAT64, Shape.of(random.nextInt(2, 9), random.nextInt(2, 9)), 3.5);
        Tensor down = scales(random.nextDouble(0.2, 1), random.nextDouble(0.2, 1));
        Tensor reduced = resize(mode(mode).put("antialias", 1L).put("exclude_outside", random.nextInt(2) * 1L)
                .build(), constant, null, down, null);
        for (int i = 0; i < reduced.size(); i++) {
            assertThat(reduced.getDouble(i)).isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void integerInputsKeepTheirDType() {
        Tensor x = Tensor.fromLongs(DType.UINT8, Shape.of(2), new long[] {10, 20});
        Tensor y = resize(mode("linear").put("coordinate_transformation_mode", "align_corners").build(), x, null,
                null, sizes(3));
        assertThat(y.dtype()).isEqualTo(DType.UINT8);
        assertThat(y.toLongArray()).containsExactly(10, 15, 20);
    }

    @Test
    void rejectsBadArguments() {
        Tensor x = ramp(1, 1, 2, 2);
        assertThatThrownBy(() -> resize(Attributes.empty(), x, null, scales(1, 1, 2, 2), sizes(1, 1, 4, 4)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("exactly one of the inputs 'scales' and 'sizes'");
        assertThatThrownBy(() -> resize(Attributes.empty(), x, null, Tensor.ofFloats(Shape.of(0)), null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> resize(mode("bilinear").build(), x, null, scales(1, 1, 2, 2), null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("'mode' must be nearest, linear or cubic");
        assertThatThrownBy(() -> resize(Attributes.builder().put("coordinate_transformation_mode",
                "tf_crop_and_resize").build(), x, null, scales(1, 1, 2, 2), null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("needs the 'roi' input");
        assertThatThrownBy(() -> resize(Attributes.empty(), x, null, scales(2, 2), null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("scales has 2 values but 4 are needed");
        assertThatThrownBy(() -> resize(mode("nearest").put("antialias", 1L).build(), x, null, scales(1, 1, 2, 2),
                null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("antialias=1 applies only to modes linear and cubic");
        assertThatThrownBy(() -> resize(Attributes.builder().put("axes", 2, -2).build(), x, null, scales(2, 2),
                null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("repeats axis -2");
        assertThatThrownBy(() -> resize(Attributes.empty(), x, null, scales(1, 1, 0, 2), null))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("scales must be positive");
    }

    /**
     * Direct (non-separable) multilinear oracle: for each output point, interpolate between the 2^r corners
     * around its half_pixel / asymmetric / align_corners coordinate, reading clamped indices.
     */
    @Property(tries = 40)
    void linearMatchesDirectMultilinearOracle(@ForAll @IntRange(min = 1, max = 3) int rank,
            @ForAll @IntRange(min = 0, max = 2) int transformChoice, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String transform = new String[] {"half_pixel", "asymmetric", "align_corners"}[transformChoice];
        int[] in = new int[rank];
        int[] out = new int[rank];
        long[] outLongs = new long[rank];
        for (int d = 0; d < rank; d++) {
            in[d] = random.nextInt(1, 5);
            out[d] = random.nextInt(1, 7);
            outLongs[d] = out[d];
        }
        Tensor x = MatMulTest.randomTensor(DType.FLOAT64, Shape.of(in), random);
        Tensor y = resize(mode("linear").put("coordinate_transformation_mode", transform).build(), x, null, null,
                sizes(outLongs));
        double[] xd = x.toDoubleArray();
        double[] expected = new double[Shape.of(out).size()];
        for (int o = 0; o < expected.length; o++) {
            int[] oIdx = ConvTest.unflatten(o, out);
            int[] lower = new int[rank];
            double[] fraction = new double[rank];
            for (int d = 0; d < rank; d++) {
                double scale = (double) out[d] / in[d];
                double c;
                if (transform.equals("half_pixel")) {
                    c = (oIdx[d] + 0.5) / scale - 0.5;
                } else if (transform.equals("asymmetric")) {
                    c = oIdx[d] / scale;
                } else {
                    c = out[d] == 1 ? 0 : oIdx[d] * (in[d] - 1.0) / (out[d] - 1);
                }
                c = Math.max(0, Math.min(in[d] - 1, c));
                lower[d] = (int) Math.floor(c);
                fraction[d] = c - lower[d];
            }
            double sum = 0;
            for (int corner = 0; corner < (1 << rank); corner++) {
                double w = 1;
                int flat = 0;
                for (int d = 0; d < rank; d++) {
                    boolean upper = (corner >> d & 1) == 1;
                    w *= upper ? fraction[d] : 1 - fraction[d];
                    int index = Math.min(in[d] - 1, lower[d] + (upper ? 1 : 0));
                    flat = flat * in[d] + index;
                }
                sum += w * xd[flat];
            }
            expected[o] = sum;
        }
        assertThat(new Closeness(1e-12, 1e-9).allClose(y, Tensor.ofDoubles(Shape.of(out), expected)))
                .as("%s", y).isTrue();
    }
}
