/**
 * The {@code torch} backend: ONNX models executed operator by operator with PyTorch's CPU kernels through DJL,
 * as one more independent implementation for differential testing.
 */
package dev.crest.fuzz.backend.torch;
