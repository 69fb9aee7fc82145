/** Runs models in ONNX Runtime, the independent engine Crest's kernels are checked against. */
package dev.crest.graph.ort;
