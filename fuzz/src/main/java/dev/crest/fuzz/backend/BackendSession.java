package dev.crest.fuzz.backend;

import dev.crest.tensor.Tensor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps one instance of each backend used so far and runs models on them, turning exceptions into
 * {@link RunOutcome}s tagged with the stage that threw. The worker process and {@link InProcessExecutor} share it.
 */
public final class BackendSession implements AutoCloseable {
    private final BackendRegistry registry;
    private final Map<String, Backend> backends = new HashMap<>();

    /** A session creating backends from {@code registry} on first use. */
    public BackendSession(BackendRegistry registry) {
        this.registry = registry;
    }

    /** The backend for {@code name}, created on first use. */
    public Backend backend(String name) {
        Backend backend = backends.get(name);
        if (backend == null) {
            backend = registry.create(name);
            backends.put(name, backend);
        }
        return backend;
    }

    /**
     * Compiles and runs a model, telling {@code stageEntered} before each stage (so that a watcher outside the
     * process knows which stage a crash or hang happened in); the compiled model is always released.
     */
    public RunOutcome execute(String name, byte[] modelBytes, Map<String, Tensor> inputs, Consumer<Stage> stageEntered) {
        Backend backend = backend(name);
        String version = backend.version();
        stageEntered.accept(Stage.COMPILE);
        Backend.Compiled compiled;
        try {
            compiled = backend.compile(modelBytes);
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return failure(name, version, Stage.COMPILE, e);
        }
        try (compiled) {
            stageEntered.accept(Stage.EXECUTE);
            return RunOutcome.ok(name, version, backend.run(compiled, inputs));
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return failure(name, version, Stage.EXECUTE, e);
        }
    }

    @Override
    public void close() {
        backends.values().forEach(Backend::close);
        backends.clear();
    }

    private static RunOutcome failure(String name, String version, Stage stage, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return RunOutcome.failed(name, version, RunOutcome.Status.EXCEPTION, stage, oneLine(e), trace.toString());
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
