package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.GradientCheck.all;
import static dev.crest.tensor.autodiff.GradientCheck.assertGradients;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Gradients of inference-mode BatchNormalization to X, scale, B, mean and var. */
class NormalizationGradientTest {

    @Property(tries = 30)
    void batchNormalizationToAllInputs(@ForAll @IntRange(min = 2, max = 4) int rank, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = 1 + random.nextInt(3);
        }
        Shape channel = Shape.of(dims[1]);
        Tensor x = RandomTensors.uniform(random, Shape.of(dims), -2, 2);
        Tensor scale = RandomTensors.uniform(random, channel, -2, 2);
        Tensor bias = RandomTensors.uniform(random, channel, -2, 2);
        Tensor mean = RandomTensors.uniform(random, channel, -1, 1);
        Tensor variance = RandomTensors.uniform(random, channel, 0.5, 2);
        Attributes attributes = Attributes.builder().put("epsilon", random.nextDouble() * 0.1).build();
        assertGradients("BatchNormalization", attributes, new Tensor[] {x, scale, bias, mean, variance}, all(5), random);
    }
}
