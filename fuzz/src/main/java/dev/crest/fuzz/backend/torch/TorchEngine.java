package dev.crest.fuzz.backend.torch;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.crest.fuzz.FuzzException;

/**
 * Loads DJL's PyTorch engine once per process from the native jar on the class path, never from the network,
 * and pins PyTorch to one intra-op and one inter-op thread so that results do not depend on the machine's load.
 */
final class TorchEngine {
    private static final String ENGINE_NAME = "PyTorch";

    private TorchEngine() {
    }

    /**
     * The loaded engine. DJL reads these switches once when it loads: offline mode (no download of native
     * libraries, no telemetry call), the CPU flavour bundled in {@code pytorch-native-cpu}, and the thread
     * counts. A caller's own {@code -D} settings win.
     *
     * @throws FuzzException when PyTorch cannot load, with the reason
     */
    static synchronized Engine get() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("PYTORCH_FLAVOR", "cpu");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new FuzzException("PyTorch (DJL) did not load offline: " + e.getMessage()
                    + "; is ai.djl.pytorch:pytorch-native-cpu:linux-x86_64 on the class path?", e);
        }
        // Set again explicitly: the properties are ignored when someone else loaded the engine first.
        JniUtils.setNumThreads(1);
        return engine;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
