/**
 * Crest's typed graph IR: {@link dev.crest.graph.Model}, {@link dev.crest.graph.Graph}, {@link dev.crest.graph.Node}
 * and the declared value types, immutable and validated on construction, plus {@link dev.crest.graph.ModelSummary}.
 * ONNX I/O lives in {@code dev.crest.graph.onnx}, the reference interpreter in {@code dev.crest.graph.interp}, the
 * ONNX Runtime adapter in {@code dev.crest.graph.ort}.
 */
package dev.crest.graph;
