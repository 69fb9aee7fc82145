package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import java.util.List;
import java.util.Optional;

/**
 * One ONNX operator translated to PyTorch: which input dtypes it translates (checked when a model is compiled,
 * so that an untranslated combination is rejected before anything runs) and how it computes its outputs from
 * PyTorch tensors with ONNX semantics.
 */
interface TorchOp {
    /**
     * Why this node cannot be translated for these input dtypes ({@code null} for an omitted optional input),
     * or empty when it can.
     */
    Optional<String> rejects(List<DType> inputs, Attributes attributes);

    /** The output dtypes for accepted input dtypes, in output order. */
    List<DType> outputTypes(List<DType> inputs, Attributes attributes);

    /** Computes the outputs; results are cast to {@link #outputTypes} afterwards where PyTorch promoted them. */
    List<NDArray> apply(OpCall call);
}
