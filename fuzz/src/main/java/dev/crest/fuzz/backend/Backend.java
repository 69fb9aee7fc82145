package dev.crest.fuzz.backend;

import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * One engine under differential test (the reference interpreter, ONNX Runtime at some optimization level, …):
 * it compiles ONNX model bytes and runs the compiled model on named inputs. Backends run inside the isolated
 * worker process, so an implementation may hold native resources and may even crash the process.
 */
public interface Backend extends AutoCloseable {
    /** The registered name, such as {@code onnxruntime-opt}. */
    String name();

    /** The engine's version, such as {@code 1.23.2}; capability caches and findings are keyed by it. */
    String version();

    /** Compiles (loads, optimizes) a model; a failure here is a compile-stage finding. */
    Compiled compile(byte[] modelBytes);

    /** Runs a compiled model and returns its outputs by name, in the model's output order. */
    Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs);

    /** Releases engine-wide resources; the default holds none. */
    @Override
    default void close() {
    }

    /** A model prepared by one backend, released (native sessions closed) after each test case. */
    interface Compiled extends AutoCloseable {
        @Override
        void close();
    }
}
