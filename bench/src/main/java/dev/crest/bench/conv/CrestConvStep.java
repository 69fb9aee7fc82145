package dev.crest.bench.conv;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.nn.Conv2d;
import java.util.SplittableRandom;

/**
 * One forward and backward pass of Crest's float32 {@link Conv2d} layer on a {@link ConvCase}, recorded on a
 * fresh tape as in training: backward is seeded with ones of the output's shape and yields the gradients of the
 * input, the weight and the bias.
 */
public final class CrestConvStep {
    private final Conv2d layer;
    private final Tensor input;
    private Gradients gradients;
    private Variable inputVariable;

    /** Builds the layer with the case's weight and bias. */
    public CrestConvStep(ConvCase conv) {
        // The seeded initialisation is overwritten below so that both sides start from the same weights.
        layer = new Conv2d(conv.channels(), conv.outChannels(), conv.kernel(), 1, conv.padding(),
                new SplittableRandom(conv.seed()));
        layer.weight().setValue(Tensor.wrapFloat32(Shape.of(toInts(conv.weightShape())), conv.weight()));
        layer.bias().setValue(Tensor.wrapFloat32(Shape.of(conv.outChannels()), conv.bias()));
        input = Tensor.wrapFloat32(Shape.of(toInts(conv.inputShape())), conv.input());
    }

    private static int[] toInts(long[] dims) {
        int[] ints = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            ints[i] = Math.toIntExact(dims[i]);
        }
        return ints;
    }

    /** Runs forward and backward once and returns the output. */
    public Tensor forwardBackward() {
        Tape tape = new Tape();
        inputVariable = tape.parameter(input);
        Variable output = layer.forward(tape, inputVariable);
        gradients = tape.backward(output);
        return output.value();
    }

    /** The gradient of the weight after the last {@link #forwardBackward()}. */
    public Tensor weightGradient() {
        return layer.weight().gradient(gradients);
    }

    /** The gradient of the bias after the last {@link #forwardBackward()}. */
    public Tensor biasGradient() {
        return layer.bias().gradient(gradients);
    }

    /** The gradient of the input after the last {@link #forwardBackward()}. */
    public Tensor inputGradient() {
        return gradients.get(inputVariable);
    }
}
