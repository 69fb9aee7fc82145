package dev.crest.fuzz.backend.tensorflow;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;

/**
 * Adds raw TensorFlow operations to a graph by op name ({@code "AddV2"}, {@code "Conv2D"}), so that a
 * translation can stay agnostic of element types (TensorFlow infers the type attributes from the inputs);
 * also makes constants from Crest tensors and reads the static shapes TensorFlow inferred.
 */
final class TfEmitter {
    private final Graph graph;
    private int counter;

    TfEmitter(Graph graph) {
        this.graph = graph;
    }

    /** A one-output operation with no attributes. */
    Output<?> op(String type, Output<?>... inputs) {
        return op(type, List.of(inputs), b -> { });
    }

    /** A one-output operation; {@code attributes} sets its non-type attributes. */
    Output<?> op(String type, List<Output<?>> inputs, Consumer<OperationBuilder> attributes) {
        return operation(type, inputs, attributes).output(0);
    }

    /** An operation with any number of outputs. */
    Operation operation(String type, List<Output<?>> inputs, Consumer<OperationBuilder> attributes) {
        OperationBuilder builder = graph.opBuilder(type, type + "_" + counter++, graph.baseScope());
        for (Output<?> input : inputs) {
            builder.addInput(input);
        }
        attributes.accept(builder);
        return builder.build();
    }

    /** An operation taking a list input (Concat's values, AddN's inputs) followed by single inputs. */
    Output<?> listOp(String type, List<Output<?>> list, List<Output<?>> after, Consumer<OperationBuilder> attributes) {
        OperationBuilder builder = graph.opBuilder(type, type + "_" + counter++, graph.baseScope());
        builder.addInputList(list.toArray(Output<?>[]::new));
        for (Output<?> input : after) {
            builder.addInput(input);
        }
        attributes.accept(builder);
        return builder.build().output(0);
    }

    /** A placeholder for a value of {@code dtype}, fed in the value's wire type (see {@link TfTensors}). */
    Output<?> placeholder(String name, DType dtype, Shape shape) {
        return graph.opBuilder("Placeholder", name, graph.baseScope())
                .setAttr("dtype", TfTensors.dataType(TfTensors.wireType(dtype)))
                .setAttr("shape", org.tensorflow.ndarray.Shape.of(shape.dimsAsLongs()))
                .build().output(0);
    }

    /** A constant holding {@code value} with its own dtype. */
    Output<?> constant(Tensor value) {
        Output<?> constant;
        try (org.tensorflow.Tensor tensor = TfTensors.toTf(value)) {
            constant = op("Const", List.of(), b -> b.setAttr("value", tensor)
                    .setAttr("dtype", TfTensors.dataType(TfTensors.wireType(value.dtype()))));
        }
        return TfTensors.wireType(value.dtype()) == value.dtype() ? constant : cast(constant, value.dtype());
    }

    /** A 1-D int64 constant. */
    Output<?> longs(long... values) {
        return constant(Tensor.ofLongs(Shape.of(values.length), values));
    }

    /** A 1-D int32 constant (for operations whose index inputs must be int32). */
    Output<?> ints(long... values) {
        return constant(Tensor.fromLongs(DType.INT32, Shape.of(values.length), values));
    }

    /** A scalar of {@code dtype}. */
    Output<?> scalar(DType dtype, double value) {
        return constant(Tensor.scalar(dtype, value));
    }

    /** {@code value} converted to {@code dtype} with TensorFlow's Cast (no operation when it already is). */
    Output<?> cast(Output<?> value, DType dtype) {
        if (dtype(value) == dtype) {
            return value;
        }
        return op("Cast", List.of(value), b -> b.setAttr("DstT", TfTensors.dataType(dtype)));
    }

    /** The element type of a value. */
    static DType dtype(Output<?> value) {
        return TfTensors.dtype(value.dataType());
    }

    /** The static shape TensorFlow inferred; every model Crest generates has fully known shapes. */
    static long[] shape(Output<?> value) {
        org.tensorflow.ndarray.Shape shape = value.shape();
        if (shape.isUnknown()) {
            throw new UnsupportedModelException("TensorFlow could not infer the rank of " + value.name());
        }
        long[] dims = shape.asArray();
        for (long d : dims) {
            if (d < 0) {
                throw new UnsupportedModelException("TensorFlow could not infer the shape of " + value.name());
            }
        }
        return dims;
    }

    /** The static rank of a value. */
    static int rank(Output<?> value) {
        return shape(value).length;
    }
}
