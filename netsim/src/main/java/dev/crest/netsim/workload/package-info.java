/**
 * Workloads: what one worker computes and exchanges in a training iteration (parameter tensors, forward time,
 * backprop timeline), built from the model zoo, an ONNX file or a measured trace; {@link
 * dev.crest.netsim.workload.Workloads#resolve} is the entry point.
 */
package dev.crest.netsim.workload;
