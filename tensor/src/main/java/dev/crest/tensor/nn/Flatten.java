package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;

/**
 * Reshapes {@code [batch, d1, d2, …]} to {@code [batch, d1·d2·…]} (ONNX Flatten with axis 1), sharing the
 * data; the gradient is reshaped back.
 */
public final class Flatten implements Module {
    @Override
    public Variable forward(Tape tape, Variable input) {
        Tensor x = input.value();
        if (x.rank() == 2) {
            return input;
        }
        LayerInputs.float32(x, "Flatten");
        int batch = x.rank() == 0 ? 1 : x.shape().dim(0);
        int features = batch == 0 ? 0 : x.size() / batch;
        Shape inputShape = x.shape();
        return tape.custom(x.reshape(Shape.of(batch, features)),
                dy -> new Tensor[] {dy.reshape(inputShape)}, input);
    }

    @Override
    public String toString() {
        return "Flatten";
    }
}
