package dev.crest.tensor.nn;

import static dev.crest.tensor.nn.GradientCheck.assertClose;
import static dev.crest.tensor.nn.GradientCheck.randomTensor;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float32 fast paths agree with the ONNX reference kernels (Gemm, Conv) and their gradient rules on the
 * tape, an independent implementation of the same operators.
 */
class OnnxKernelAgreementTest {
    private static final Closeness CLOSE = new Closeness(1e-5, 1e-4);

    @Test
    void linearMatchesGemmWithTransposedWeight() {
        SplittableRandom random = new SplittableRandom(21);
        Linear layer = new Linear(7, 5, random);
        layer.bias().setValue(randomTensor(random, 5));
        Tensor x = randomTensor(random, 6, 7);
        Tensor seed = randomTensor(random, 6, 5);

        Tape fast = new Tape();
        Variable fastInput = fast.parameter(x);
        Variable fastOutput = layer.forward(fast, fastInput);
        Gradients fastGradients = fast.backward(fastOutput, seed);

        Tape reference = new Tape();
        Variable input = reference.parameter(x);
        Variable w = reference.parameter(layer.weight().value());
        Variable b = reference.parameter(layer.bias().value());
        Variable output = reference.apply("Gemm", Attributes.builder().put("transB", 1L).build(), input, w, b);
        Gradients gradients = reference.backward(output, seed);

        assertClose(fastOutput.value(), output.value(), CLOSE);
        assertClose(fastGradients.get(fastInput), gradients.get(input), CLOSE);
        assertClose(layer.weight().gradient(fastGradients), gradients.get(w), CLOSE);
        assertClose(layer.bias().gradient(fastGradients), gradients.get(b), CLOSE);
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "2,0,1", "2,2,2"})
    void conv2dMatchesConv(int stride, int pad, int dilation) {
        SplittableRandom random = new SplittableRandom(22);
        Conv2d conv = new Conv2d(3, 4, 3, stride, pad, dilation, true, Initializer.kaimingUniform(), random);
        conv.bias().setValue(randomTensor(random, 4));
        Tensor x = randomTensor(random, 2, 3, 9, 8);

        Tape fast = new Tape();
        Variable fastInput = fast.parameter(x);
        Variable fastOutput = conv.forward(fast, fastInput);
        Tensor seed = randomTensor(random, fastOutput.value().shape().dims());
        Gradients fastGradients = fast.backward(fastOutput, seed);

        Tape reference = new Tape();
        Variable input = reference.parameter(x);
        Variable w = reference.parameter(conv.weight().value());
        Variable b = reference.parameter(conv.bias().value());
        Attributes attributes = Attributes.builder()
                .put("kernel_shape", 3, 3)
                .put("strides", stride, stride)
                .put("pads", pad, pad, pad, pad)
                .put("dilations", dilation, dilation)
                .build();
        Variable output = reference.apply("Conv", attributes, input, w, b);
        Gradients gradients = reference.backward(output, seed);

        assertClose(fastOutput.value(), output.value(), CLOSE);
        assertClose(fastGradients.get(fastInput), gradients.get(input), CLOSE);
        assertClose(conv.weight().gradient(fastGradients), gradients.get(w), CLOSE);
        assertClose(conv.bias().gradient(fastGradients), gradients.get(b), CLOSE);
    }

    @Test
    void poolsMatchMaxPoolAndAveragePool() {
        SplittableRandom random = new SplittableRandom(23);
        Tensor x = randomTensor(random, 2, 3, 7, 7);
        Attributes window = Attributes.builder()
                .put("kernel_shape", 3, 3).put("strides", 2, 2).put("pads", 1, 1, 1, 1).build();
        for (boolean max : new boolean[] {true, false}) {
            Module pool = max ? new MaxPool2d(3, 2, 1) : new AvgPool2d(3, 2, 1);
            Tape fast = new Tape();
            Variable fastInput = fast.parameter(x);
            Variable fastOutput = pool.forward(fast, fastInput);
            Tensor seed = randomTensor(random, fastOutput.value().shape().dims());
            Tensor fastGradient = fast.backward(fastOutput, seed).get(fastInput);

            Tape reference = new Tape();
            Variable input = reference.parameter(x);
            Variable output = reference.apply(max ? "MaxPool" : "AveragePool", window, input);
            Tensor gradient = reference.backward(output, seed).get(input);

            assertClose(fastOutput.value(), output.value(), CLOSE);
            assertClose(fastGradient, gradient, CLOSE);
        }
    }
}
