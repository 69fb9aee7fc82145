package dev.crest.fuzz.backend.tensorflow;

import java.util.List;
import org.tensorflow.Output;

/** Translates one ONNX operator into TensorFlow operations following the ONNX semantics. */
@FunctionalInterface
interface NodeTranslation {
    /** The TensorFlow values of the node's outputs, in ONNX output order. */
    List<Output<?>> translate(TfNode node);
}
