package dev.crest.fuzz.testing;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.BackendProvider;
import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.tensor.Tensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Misbehaving backends for tests, registered through {@link java.util.ServiceLoader} from the test class path so
 * the worker process sees them too: planted wrong results, a crash, a hang, an exception, a chatty library.
 */
public final class TestBackends implements BackendProvider {
    /** ONNX Runtime with optimizations whose first output's first element is off by one (a planted opt bug). */
    public static final String PERTURBED_OPT = "test-perturbed-opt";
    /** ONNX Runtime without optimizations, perturbed the same way (a planted backend-wide bug). */
    public static final String PERTURBED_NOOPT = "test-perturbed-noopt";
    /** ONNX Runtime without optimizations that turns NaN into 0. */
    public static final String NAN_TO_ZERO = "test-nan-to-zero";
    /** Halts the JVM with exit code 134 while compiling, after writing to stderr. */
    public static final String CRASH = "test-crash";
    /** Never returns from running. */
    public static final String HANG = "test-hang";
    /** Throws while compiling. */
    public static final String THROW = "test-throw";
    /** Prints to System.out (as some native libraries do) and then runs the reference interpreter. */
    public static final String CHATTY = "test-chatty";
    /** The reference, keeping {@link #GROWTH_PER_RUN} more native memory resident after every run. */
    public static final String GROWING = "test-growing";
    /** How much resident memory {@link #GROWING} adds per run: 4 MiB. */
    public static final int GROWTH_PER_RUN = 4 << 20;

    private static final List<ByteBuffer> NEVER_FREED = new ArrayList<>();

    /** What the crash backend writes to stderr before dying. */
    public static final String LAST_WORDS = "test-crash: about to halt";

    @Override
    public List<String> names() {
        return List.of(PERTURBED_OPT, PERTURBED_NOOPT, NAN_TO_ZERO, CRASH, HANG, THROW, CHATTY, GROWING);
    }

    @Override
    public Backend create(String name) {
        switch (name) {
            case PERTURBED_OPT:
                return new Rewriting(name, new OrtBackend(true), TestBackends::offByOne);
            case PERTURBED_NOOPT:
                return new Rewriting(name, new OrtBackend(false), TestBackends::offByOne);
            case NAN_TO_ZERO:
                return new Rewriting(name, new OrtBackend(false), TestBackends::nanToZero);
            case CRASH:
                return new Rewriting(name, new ReferenceBackend(), t -> t) {
                    @Override
                    public Compiled compile(byte[] modelBytes) {
                        System.err.println(LAST_WORDS);
                        System.err.flush();
                        Runtime.getRuntime().halt(134);
                        throw new AssertionError("unreachable");
                    }
                };
            case HANG:
                return new Rewriting(name, new ReferenceBackend(), t -> t) {
                    @Override
                    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new AssertionError("woke up");
                    }
                };
            case THROW:
                return new Rewriting(name, new ReferenceBackend(), t -> t) {
                    @Override
                    public Compiled compile(byte[] modelBytes) {
                        throw new IllegalStateException("planted compile failure");
                    }
                };
            case CHATTY:
                return new Rewriting(name, new ReferenceBackend(), t -> t) {
                    @Override
                    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
                        System.out.print("native library says hello\n\0\1\2\3");
                        System.out.flush();
                        return super.run(compiled, inputs);
                    }
                };
            case GROWING:
                return new Rewriting(name, new ReferenceBackend(), t -> t) {
                    @Override
                    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
                        // Direct memory outside the heap, every page written so that it is resident: a native
                        // library's cache that never shrinks.
                        ByteBuffer kept = ByteBuffer.allocateDirect(GROWTH_PER_RUN);
                        for (int i = 0; i < GROWTH_PER_RUN; i += 4096) {
                            kept.put(i, (byte) 1);
                        }
                        NEVER_FREED.add(kept);
                        return super.run(compiled, inputs);
                    }
                };
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static Tensor offByOne(Tensor t) {
        double[] values = t.toDoubleArray();
        values[0] += 1;
        return Tensor.fromDoubles(t.dtype(), t.shape(), values);
    }

    private static Tensor nanToZero(Tensor t) {
        double[] values = t.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.isNaN(values[i]) ? 0 : values[i];
        }
        return Tensor.fromDoubles(t.dtype(), t.shape(), values);
    }

    /** Delegates to another backend and rewrites its first output. */
    private static class Rewriting implements Backend {
        private final String name;
        private final Backend delegate;
        private final UnaryOperator<Tensor> rewrite;

        Rewriting(String name, Backend delegate, UnaryOperator<Tensor> rewrite) {
            this.name = name;
            this.delegate = delegate;
            this.rewrite = rewrite;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String version() {
            return "test-" + delegate.version();
        }

        @Override
        public Compiled compile(byte[] modelBytes) {
            return delegate.compile(modelBytes);
        }

        @Override
        public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
            Map<String, Tensor> outputs = new LinkedHashMap<>(delegate.run(compiled, inputs));
            String first = outputs.keySet().iterator().next();
            outputs.put(first, rewrite.apply(outputs.get(first)));
            return outputs;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
