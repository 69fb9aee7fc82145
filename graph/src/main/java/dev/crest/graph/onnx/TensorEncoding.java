package dev.crest.graph.onnx;

/**
 * How a tensor's elements are stored in an ONNX {@code TensorProto}: packed little-endian bytes in
 * {@code raw_data} (compact; what exporters usually write), or the typed repeated fields {@code float_data},
 * {@code int32_data}, {@code int64_data} and {@code double_data}.
 */
public enum TensorEncoding {
    RAW,
    TYPED
}
