package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import java.util.List;

/**
 * One node's evaluation: its PyTorch input tensors ({@code null} for an omitted optional input), its
 * attributes, the model's opset (operator versions differ in where they read axes, pads, ...) and the run's
 * tensor manager that owns every tensor created for the test case.
 */
record OpCall(NDManager manager, List<NDArray> inputs, List<DType> inputTypes, Attributes attributes, long opset) {
    /** Input {@code i}; a programming error when it is omitted (the compile check requires it). */
    NDArray input(int i) {
        NDArray array = i < inputs.size() ? inputs.get(i) : null;
        if (array == null) {
            throw new IllegalStateException("input " + i + " is required");
        }
        return array;
    }

    /** Whether input {@code i} was given. */
    boolean has(int i) {
        return i < inputs.size() && inputs.get(i) != null;
    }

    /** The PyTorch view of input {@code i}, for the JNI calls DJL's generic API lacks. */
    PtNDArray pt(int i) {
        return (PtNDArray) input(i);
    }

    /** The values of an integer input (axes, shapes, pads ...), read back to Java. */
    long[] longs(int i) {
        NDArray array = input(i);
        return array.getDataType() == DataType.INT64 ? array.toLongArray()
                : array.toType(DataType.INT64, false).toLongArray();
    }

    /** The value of a scalar input as a double. */
    double scalar(int i) {
        return input(i).toType(DataType.FLOAT64, false).toDoubleArray()[0];
    }

    /** The number of inputs the node lists, given or omitted. */
    int arity() {
        return inputs.size();
    }
}
