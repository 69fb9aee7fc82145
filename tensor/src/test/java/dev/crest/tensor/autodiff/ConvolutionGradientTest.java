package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.GradientCheck.all;
import static dev.crest.tensor.autodiff.GradientCheck.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Gradients of Conv (to X, W and B), MaxPool and AveragePool over 1–3 spatial axes and random window attributes. */
class ConvolutionGradientTest {

    /** Random strides, dilations, pads (or an auto_pad) and the input lengths they need. */
    private record Window(int[] kernel, int[] in, Attributes.Builder attributes) {
    }

    private static Window window(SplittableRandom random, int spatial, boolean pool) {
        int[] kernel = new int[spatial];
        int[] strides = new int[spatial];
        int[] dilations = new int[spatial];
        int[] pads = new int[2 * spatial];
        int[] in = new int[spatial];
        for (int d = 0; d < spatial; d++) {
            kernel[d] = 1 + random.nextInt(3);
            strides[d] = 1 + random.nextInt(2);
            dilations[d] = 1 + random.nextInt(2);
            int extent = (kernel[d] - 1) * dilations[d] + 1;
            // Pools keep pads below the kernel so no window lies wholly in the padding.
            int maxPad = pool ? kernel[d] - 1 : 2;
            pads[d] = random.nextInt(maxPad + 1);
            pads[d + spatial] = random.nextInt(maxPad + 1);
            in[d] = Math.max(1, extent - pads[d] - pads[d + spatial]) + random.nextInt(3);
        }
        Attributes.Builder b = Attributes.builder().put("strides", strides).put("dilations", dilations);
        int autoPad = random.nextInt(5);
        if (autoPad == 0) {
            b.put("auto_pad", "SAME_UPPER");
        } else if (autoPad == 1) {
            b.put("auto_pad", "SAME_LOWER");
        } else if (autoPad == 2) {
            b.put("auto_pad", "VALID");
            for (int d = 0; d < spatial; d++) {
                in[d] = Math.max(in[d], (kernel[d] - 1) * dilations[d] + 1);
            }
        } else {
            b.put("pads", pads);
        }
        return new Window(kernel, in, b);
    }

    private static int[] concat(int a, int b, int[] rest) {
        int[] out = new int[rest.length + 2];
        out[0] = a;
        out[1] = b;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }

    @Property(tries = 30)
    void convToInputWeightsAndBias(@ForAll @IntRange(min = 1, max = 3) int spatial, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        if (spatial == 3 && random.nextBoolean()) {
            spatial = 2; // keep three-axis cases rare: they are the slowest
        }
        Window w = window(random, spatial, false);
        int groups = 1 + random.nextInt(2);
        int channels = groups * (1 + random.nextInt(2));
        int maps = groups * (1 + random.nextInt(2));
        int batch = 1 + random.nextInt(2);
        Tensor x = RandomTensors.uniform(random, Shape.of(concat(batch, channels, w.in())), -1, 1);
        Tensor weights = RandomTensors.uniform(random, Shape.of(concat(maps, channels / groups, w.kernel())), -1, 1);
        Attributes attributes = w.attributes().put("group", (long) groups).put("kernel_shape", w.kernel()).build();
        if (random.nextBoolean()) {
            Tensor bias = RandomTensors.uniform(random, Shape.of(maps), -1, 1);
            assertGradients("Conv", attributes, new Tensor[] {x, weights, bias}, all(3), random);
        } else {
            assertGradients("Conv", attributes, new Tensor[] {x, weights}, all(2), random);
        }
    }

    @Property(tries = 30)
    void maxPoolRoutesToTheWindowMaximum(@ForAll @IntRange(min = 1, max = 3) int spatial, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Window w = window(random, spatial, true);
        Shape shape = Shape.of(concat(1 + random.nextInt(2), 1 + random.nextInt(2), w.in()));
        Tensor x = RandomTensors.distinct(shape, new RandomTensors.DistinctPool(random));
        Attributes attributes = w.attributes().put("kernel_shape", w.kernel())
                .put("ceil_mode", random.nextBoolean() ? 1L : 0L).build();
        assumeFinite("MaxPool", attributes, x);
        assertGradients("MaxPool", attributes, new Tensor[] {x}, all(1), random);
    }

    @Property(tries = 30)
    void averagePoolSharesByTheDivisor(@ForAll @IntRange(min = 1, max = 3) int spatial, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Window w = window(random, spatial, true);
        Shape shape = Shape.of(concat(1 + random.nextInt(2), 1 + random.nextInt(2), w.in()));
        Tensor x = RandomTensors.uniform(random, shape, -1, 1);
        Attributes attributes = w.attributes().put("kernel_shape", w.kernel())
                .put("ceil_mode", random.nextBoolean() ? 1L : 0L)
                .put("count_include_pad", random.nextBoolean() ? 1L : 0L).build();
        assumeFinite("AveragePool", attributes, x);
        assertGradients("AveragePool", attributes, new Tensor[] {x}, all(1), random);
    }

    /** ceil_mode can create windows that only cover padding; their outputs are not differentiable. */
    private static void assumeFinite(String op, Attributes attributes, Tensor x) {
        Tensor y = KernelRegistry.standard().run1(op, attributes, x);
        boolean finite = true;
        for (int i = 0; i < y.size(); i++) {
            finite &= Double.isFinite(y.getDouble(i));
        }
        Assume.that(finite);
    }

    @Test
    void maxPoolWithIndicesOutputStillDifferentiatesTheValues() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(1, 1, 2, 2), 1, 4, 3, 2));
        Attributes attributes = Attributes.builder().put("kernel_shape", 2, 2).build();
        List<Variable> outputs = tape.applyMulti("MaxPool", attributes, 2, x);
        assertThat(outputs.get(1).value().dtype()).isEqualTo(DType.INT64);
        assertThat(outputs.get(1).requiresGrad()).isFalse();
        assertThat(tape.backward(outputs.get(0)).get(x).toDoubleArray()).containsExactly(0, 1, 0, 0);
    }
}
