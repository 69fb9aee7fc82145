package dev.crest.fuzz.testing;

import dev.crest.fuzz.backend.Backend;
import dev.crest.graph.Model;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.Kernel;
import dev.crest.tensor.kernel.KernelRegistry;
import dev.crest.tensor.kernel.OpInfo;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A test backend: Crest's reference interpreter with some of its kernels replaced, to plant the behaviour a test
 * looks for (a wrong result, a float16 accumulator) in an otherwise exact engine.
 */
class ReplacedKernelsBackend implements Backend {
    private final String name;
    private final Interpreter interpreter;

    /** {@code replace} gets each operator with its standard kernel and returns the kernel this backend uses. */
    ReplacedKernelsBackend(String name, BiFunction<String, Kernel, Kernel> replace) {
        this.name = name;
        KernelRegistry standard = KernelRegistry.standard();
        KernelRegistry.Builder builder = new KernelRegistry.Builder();
        for (String op : standard.opTypes()) {
            OpInfo info = standard.get(op);
            builder.register(op, info.sinceVersion(), replace.apply(op, info.kernel()));
        }
        this.interpreter = new Interpreter(builder.build());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public Compiled compile(byte[] modelBytes) {
        Model model = OnnxModels.parse(modelBytes);
        interpreter.check(model);
        return new Parsed(model);
    }

    @Override
    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
        return interpreter.run(((Parsed) compiled).model(), inputs);
    }

    /** A model checked by the interpreter, ready to run. */
    record Parsed(Model model) implements Backend.Compiled {
        @Override
        public void close() {
            // A parsed model holds no native memory.
        }
    }
}
