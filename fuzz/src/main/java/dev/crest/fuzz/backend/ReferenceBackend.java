package dev.crest.fuzz.backend;

import dev.crest.graph.Model;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * Crest's reference interpreter as a backend: float kernels compute in float64 and round once, which makes it
 * the oracle the other backends are compared against.
 */
public final class ReferenceBackend implements Backend {
    /** The registered name. */
    public static final String NAME = "reference";

    private final Interpreter interpreter = Interpreter.standard();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String version = ReferenceBackend.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public Compiled compile(byte[] modelBytes) {
        Model model = OnnxModels.parse(modelBytes);
        interpreter.check(model);
        return new Prepared(model);
    }

    @Override
    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
        return interpreter.run(((Prepared) compiled).model, inputs);
    }

    private static final class Prepared implements Compiled {
        private final Model model;

        Prepared(Model model) {
            this.model = model;
        }

        @Override
        public void close() {
            // A parsed model holds no native memory.
        }
    }
}
