package dev.crest.netsim.sweep;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** Runs a sweep's points on a fixed pool of threads of this JVM. */
public final class LocalSweepEngine implements SweepEngine {
    private final int threads;

    /** @param threads pool size (e.g. the number of cores) */
    public LocalSweepEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public void runAll(List<SweepPoint> points, long[] seeds, PointRunner runner,
            BiConsumer<SweepPoint, RunOutcome> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, points.size())));
        try {
            CompletionService<RunOutcome> completion = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < points.size(); i++) {
                SweepPoint point = points.get(i);
                long runSeed = seeds[i];
                completion.submit(() -> {
                    RunOutcome outcome = runner.run(point, runSeed);
                    synchronized (sink) {
                        sink.accept(point, outcome);
                    }
                    return outcome;
                });
            }
            for (int n = 0; n < points.size(); n++) {
                completion.take().get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("sweep run failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            // Cancels the runs not yet started; on success there are none.
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Lets runs already in flight finish before the caller closes its CSV, so their rows are not cut off. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: a simulation in flight does not react to interruption
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
