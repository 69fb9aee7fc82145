package dev.crest.bench.torch;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Loads the PyTorch engine of DJL from the native jar on the class path, without any download, and pins its
 * intra-op thread count so the baselines run on as many threads as the Crest side.
 */
public final class TorchRuntime {
    private static final String ENGINE_NAME = "PyTorch";

    private final Engine engine;
    private final int threads;

    private TorchRuntime(Engine engine, int threads) {
        this.engine = engine;
        this.threads = threads;
    }

    /**
     * The PyTorch engine running {@code threads} intra-op threads. DJL is switched to offline mode and the CPU
     * flavour first, unless the caller already chose them (e.g. with {@code -Dai.djl.offline=true}); these are
     * DJL's own switches, read once when the engine loads.
     *
     * @throws IllegalStateException when the engine cannot load, with the reason
     */
    public static TorchRuntime load(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("PYTORCH_FLAVOR", "cpu");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("PyTorch (DJL) did not load offline: " + e.getMessage()
                    + "; is pytorch-native-cpu:linux-x86_64 on the class path?", e);
        }
        // Set again explicitly: the property is ignored when another caller loaded the engine earlier.
        JniUtils.setNumThreads(threads);
        return new TorchRuntime(engine, threads);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The loaded engine. */
    public Engine engine() {
        return engine;
    }

    /** The intra-op thread count requested. */
    public int threads() {
        return threads;
    }

    /** The intra-op thread count PyTorch reports it uses. */
    public int reportedThreads() {
        return JniUtils.getNumThreads();
    }

    /** PyTorch's version, e.g. {@code 2.7.1}. */
    public String version() {
        return engine.getVersion();
    }
}
