/**
 * ONNX file formats: models ({@code ModelProto}, {@code .onnx}), tensors ({@code TensorProto}, {@code .pb}), test
 * data sets and external tensor data, read through the ONNX protobuf classes shipped in tribuo-util-onnx.
 */
package dev.crest.graph.onnx;
