package dev.crest.fuzz.backend;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * ONNX Runtime (CPU, one thread) at one graph-optimization level: {@link #NO_OPT} with every graph optimization
 * disabled, {@link #OPT} with all of them enabled. Comparing the two points at an optimization pass.
 */
public final class OrtBackend implements Backend {
    /** The registered name of ONNX Runtime with graph optimizations disabled. */
    public static final String NO_OPT = "onnxruntime-noopt";
    /** The registered name of ONNX Runtime with all graph optimizations enabled. */
    public static final String OPT = "onnxruntime-opt";

    private final boolean optimize;

    /** ONNX Runtime with all graph optimizations ({@code optimize}) or none. */
    public OrtBackend(boolean optimize) {
        this.optimize = optimize;
    }

    @Override
    public String name() {
        return optimize ? OPT : NO_OPT;
    }

    @Override
    public String version() {
        return OrtRunner.version();
    }

    @Override
    public Compiled compile(byte[] modelBytes) {
        return new Session(OrtRunner.open(modelBytes, optimize ? OptLevel.ALL_OPT : OptLevel.NO_OPT));
    }

    @Override
    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
        return ((Session) compiled).runner.run(inputs);
    }

    private static final class Session implements Compiled {
        private final OrtRunner runner;

        Session(OrtRunner runner) {
            this.runner = runner;
        }

        @Override
        public void close() {
            runner.close();
        }
    }
}
