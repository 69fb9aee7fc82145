package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.GradientCheck.assertGradients;
import static dev.crest.tensor.autodiff.GradientCheck.only;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Gradients of Resize in nearest, linear and cubic modes under every coordinate transformation, scales or sizes,
 * axes, exclude_outside and antialias.
 */
class ResizeGradientTest {
    private static final String[] TRANSFORMS = {"half_pixel", "half_pixel_symmetric", "pytorch_half_pixel",
        "align_corners", "asymmetric", "tf_crop_and_resize"};
    private static final String[] NEAREST = {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"};
    private static final double[] SCALES = {0.5, 0.6, 1.0, 1.5, 2.0, 3.0};

    @Property(tries = 30)
    void resizeInEveryMode(@ForAll @IntRange(min = 1, max = 4) int rank, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = 1 + random.nextInt(4);
        }
        Tensor x = RandomTensors.uniform(random, Shape.of(dims), -2, 2);
        for (String mode : new String[] {"nearest", "linear", "cubic"}) {
            String transform = TRANSFORMS[random.nextInt(TRANSFORMS.length)];
            Attributes.Builder b = Attributes.builder().put("mode", mode).put("coordinate_transformation_mode", transform);
            // Resize the last one or two axes, named by the axes attribute half of the time.
            int count = Math.min(rank, 1 + random.nextInt(2));
            int[] axes = new int[count];
            for (int i = 0; i < count; i++) {
                axes[i] = rank - count + i;
            }
            if (random.nextBoolean()) {
                b.put("axes", axes);
            } else {
                axes = new int[rank];
                for (int i = 0; i < rank; i++) {
                    axes[i] = i;
                }
            }
            if (mode.equals("nearest")) {
                b.put("nearest_mode", NEAREST[random.nextInt(NEAREST.length)]);
            } else {
                b.put("exclude_outside", random.nextBoolean() ? 1L : 0L);
                b.put("antialias", random.nextInt(3) == 0 ? 1L : 0L);
                b.put("cubic_coeff_a", -0.5 - 0.25 * random.nextDouble());
            }
            Tensor roi = null;
            if (transform.equals("tf_crop_and_resize")) {
                double[] r = new double[2 * axes.length];
                for (int i = 0; i < axes.length; i++) {
                    r[i] = -0.2 + 0.5 * random.nextDouble();
                    r[axes.length + i] = 0.6 + 0.6 * random.nextDouble();
                }
                roi = Tensor.ofDoubles(Shape.of(r.length), r);
                b.put("extrapolation_value", 0.25);
            }
            Tensor scales = null;
            Tensor sizes = null;
            if (random.nextBoolean()) {
                double[] s = new double[axes.length];
                for (int i = 0; i < axes.length; i++) {
                    s[i] = axes[i] < rank - count ? 1.0 : SCALES[random.nextInt(SCALES.length)];
                    if (Math.floor(dims[axes[i]] * s[i]) < 1) {
                        s[i] = 1.0;
                    }
                }
                scales = Tensor.fromDoubles(DType.FLOAT32, Shape.of(s.length), s);
            } else {
                long[] s = new long[axes.length];
                for (int i = 0; i < axes.length; i++) {
                    s[i] = axes[i] < rank - count ? dims[axes[i]] : 1 + random.nextInt(6);
                }
                sizes = Tensor.ofLongs(Shape.of(s.length), s);
                if (!mode.equals("nearest") && random.nextInt(3) == 0) {
                    b.put("keep_aspect_ratio_policy", random.nextBoolean() ? "not_larger" : "not_smaller");
                }
            }
            assertGradients("Resize", b.build(), new Tensor[] {x, roi, scales, sizes}, only(4, 0), random);
        }
    }
}
