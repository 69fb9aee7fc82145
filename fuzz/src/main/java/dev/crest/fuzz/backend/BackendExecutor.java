package dev.crest.fuzz.backend;

import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * Runs a model on a named backend and reports the outcome instead of throwing: either in an isolated worker
 * process ({@code dev.crest.fuzz.worker.WorkerProcess}), which survives native crashes and hangs, or in this
 * process ({@link InProcessExecutor}) for trusted backends.
 */
public interface BackendExecutor extends AutoCloseable {
    /** Compiles and runs {@code modelBytes} on {@code backend}; never throws for a backend failure. */
    RunOutcome execute(String backend, byte[] modelBytes, Map<String, Tensor> inputs);

    /** The version of the named backend. */
    String version(String backend);

    /**
     * How many healthy worker processes were replaced so far because their resident memory grew (see
     * {@code dev.crest.fuzz.worker.WorkerRecycling}); 0 for an executor without workers. Safe to call from another
     * thread than the one executing.
     */
    default int retiredWorkers() {
        return 0;
    }

    @Override
    void close();
}
