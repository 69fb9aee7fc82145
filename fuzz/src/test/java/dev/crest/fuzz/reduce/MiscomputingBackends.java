package dev.crest.fuzz.reduce;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.BackendProvider;
import dev.crest.graph.Model;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.Kernel;
import dev.crest.tensor.kernel.KernelRegistry;
import dev.crest.tensor.kernel.OpInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backends for reduction tests, registered through {@link java.util.ServiceLoader} so the worker sees them too:
 * the reference interpreter with one operator miscomputed (a planted bug the reducer must isolate), and the exact
 * reference under another name to serve as the unoptimized baseline.
 */
public final class MiscomputingBackends implements BackendProvider {
    /** The reference interpreter, except that every Tanh output is off by {@link #ERROR}. */
    public static final String WRONG_TANH = "test-wrong-tanh";
    /** The reference interpreter under a backend name. */
    public static final String EXACT = "test-exact";
    /** What the planted bug adds to each Tanh output element. */
    public static final double ERROR = 0.5;

    @Override
    public List<String> names() {
        return List.of(WRONG_TANH, EXACT);
    }

    @Override
    public Backend create(String name) {
        switch (name) {
            case WRONG_TANH:
                return new InterpreterBackend(name, new Interpreter(withWrong("Tanh")));
            case EXACT:
                return new InterpreterBackend(name, Interpreter.standard());
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** The standard kernels with {@code opType}'s first output shifted by {@link #ERROR}. */
    private static KernelRegistry withWrong(String opType) {
        KernelRegistry standard = KernelRegistry.standard();
        KernelRegistry.Builder b = new KernelRegistry.Builder();
        for (String op : standard.opTypes()) {
            OpInfo info = standard.get(op);
            Kernel kernel = info.kernel();
            if (op.equals(opType)) {
                kernel = (inputs, attributes) -> {
                    List<Tensor> results = new ArrayList<>(info.kernel().apply(inputs, attributes));
                    Tensor first = results.get(0);
                    double[] values = first.toDoubleArray();
                    for (int i = 0; i < values.length; i++) {
                        values[i] += ERROR;
                    }
                    results.set(0, Tensor.fromDoubles(first.dtype(), first.shape(), values));
                    return results;
                };
            }
            b.register(op, info.sinceVersion(), kernel);
        }
        return b.build();
    }

    /** Runs models on an interpreter. */
    private static final class InterpreterBackend implements Backend {
        private final String name;
        private final Interpreter interpreter;

        InterpreterBackend(String name, Interpreter interpreter) {
            this.name = name;
            this.interpreter = interpreter;
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
            return interpreter.run(((Parsed) compiled).model, inputs);
        }
    }

    private static final class Parsed implements Backend.Compiled {
        private final Model model;

        Parsed(Model model) {
            this.model = model;
        }

        @Override
        public void close() {
            // A parsed model holds no native memory.
        }
    }
}
