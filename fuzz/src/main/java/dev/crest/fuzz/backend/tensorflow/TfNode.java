package dev.crest.fuzz.backend.tensorflow;

import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Output;

/**
 * One ONNX node being translated: its TensorFlow inputs (absent for omitted optional inputs), the values of
 * inputs that are constants in the model (initializers, Constant nodes), which a translation needs for
 * structural arguments such as a Reshape target or Slice bounds, its attributes and the model's opset.
 */
final class TfNode {
    private final Node node;
    private final List<Optional<Output<?>>> inputs;
    private final List<Optional<Tensor>> constants;
    private final long opset;
    private final TfEmitter tf;

    TfNode(Node node, List<Optional<Output<?>>> inputs, List<Optional<Tensor>> constants, long opset, TfEmitter tf) {
        this.node = node;
        this.inputs = inputs;
        this.constants = constants;
        this.opset = opset;
        this.tf = tf;
    }

    TfEmitter tf() {
        return tf;
    }

    long opset() {
        return opset;
    }

    Attributes attributes() {
        return node.attributes();
    }

    String opType() {
        return node.opType();
    }

    int inputCount() {
        return inputs.size();
    }

    /** Whether input {@code i} is given (not omitted). */
    boolean has(int i) {
        return i < inputs.size() && inputs.get(i).isPresent();
    }

    /** Input {@code i}, which the operator requires. */
    Output<?> input(int i) {
        if (!has(i)) {
            throw new UnsupportedModelException(node.opType() + " needs input " + i + ", which is missing");
        }
        return inputs.get(i).get();
    }

    /** The value of input {@code i} when it is a constant of the model, which structural inputs must be. */
    Optional<Tensor> constant(int i) {
        return i < constants.size() ? constants.get(i) : Optional.empty();
    }

    /** The value of input {@code i} as int64s; it must be a constant of the model. */
    long[] constantLongs(int i) {
        return constant(i).orElseThrow(() -> new UnsupportedModelException(node.opType() + " input " + i
                + " must be a constant (initializer) for the TensorFlow translation")).toLongArray();
    }

    /** The element type of input {@code i}. */
    DType dtype(int i) {
        return TfEmitter.dtype(input(i));
    }

    /** The static shape of input {@code i}. */
    long[] shape(int i) {
        return TfEmitter.shape(input(i));
    }

    /** An exception saying this node's configuration is not translated. */
    UnsupportedModelException unsupported(String what) {
        return new UnsupportedModelException("the TensorFlow translation of " + node.opType() + " does not support "
                + what);
    }
}
