package dev.crest.fuzz.backend;

import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * Runs backends in this process: no protection against native crashes or hangs, so only for trusted backends
 * (the reference interpreter, tests, quick checks); campaigns use the isolated worker process.
 */
public final class InProcessExecutor implements BackendExecutor {
    private final BackendSession session;

    /** An executor over {@code registry}'s backends. */
    public InProcessExecutor(BackendRegistry registry) {
        this.session = new BackendSession(registry);
    }

    @Override
    public RunOutcome execute(String backend, byte[] modelBytes, Map<String, Tensor> inputs) {
        return session.execute(backend, modelBytes, inputs, stage -> { });
    }

    @Override
    public String version(String backend) {
        return session.backend(backend).version();
    }

    @Override
    public void close() {
        session.close();
    }
}
