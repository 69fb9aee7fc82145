package dev.crest.fuzz.backend.torch;

import ai.djl.engine.Engine;
import dev.crest.fuzz.backend.Backend;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * PyTorch (CPU, one thread) through DJL as a backend under differential test: the ONNX model is executed node by
 * node in eager mode with PyTorch's kernels, each operator translated to ONNX's semantics. An operator or dtype
 * without a translation is rejected at compile time, which keeps it out of torch campaigns through the
 * capability probe.
 */
public final class TorchBackend implements Backend {
    /** The registered name. */
    public static final String NAME = "torch";

    @Override
    public String name() {
        return NAME;
    }

    /** PyTorch's version as DJL reports it, such as {@code 2.7.1}. */
    @Override
    public String version() {
        return TorchEngine.get().getVersion();
    }

    @Override
    public Compiled compile(byte[] modelBytes) {
        TorchEngine.get();
        return TorchProgram.compile(OnnxModels.parse(modelBytes));
    }

    @Override
    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
        Engine engine = TorchEngine.get();
        return ((TorchProgram) compiled).run(engine, inputs);
    }
}
