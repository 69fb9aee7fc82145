/**
 * The engines under differential test behind one small {@link dev.crest.fuzz.backend.Backend} interface
 * (reference interpreter, ONNX Runtime without and with graph optimizations, user backends via
 * {@link java.util.ServiceLoader}), how they are executed ({@link dev.crest.fuzz.backend.BackendExecutor}) and
 * which operator × dtype combinations each accepts ({@link dev.crest.fuzz.backend.CapabilityProbe}).
 */
package dev.crest.fuzz.backend;
