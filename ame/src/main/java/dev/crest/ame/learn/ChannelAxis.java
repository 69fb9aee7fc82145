package dev.crest.ame.learn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.nn.Module;

/** Views a batch of single-channel images as NCHW ({@code [n, 1, h, w]}), the layout a convolution expects. */
final class ChannelAxis implements Module {
    private final int height;
    private final int width;

    ChannelAxis(int height, int width) {
        this.height = height;
        this.width = width;
    }

    @Override
    public Variable forward(Tape tape, Variable input) {
        Shape inputShape = input.value().shape();
        Shape imageShape = Shape.of(inputShape.dim(0), 1, height, width);
        return tape.custom(input.value().reshape(imageShape), dy -> new Tensor[] {dy.reshape(inputShape)}, input);
    }

    @Override
    public String toString() {
        return "ChannelAxis(" + height + "x" + width + ")";
    }
}
