package dev.crest.ame.run;

import java.util.function.Consumer;
import java.util.function.IntPredicate;

/** The engine that trains submodels on a fixed number of threads of this JVM, with {@link SubmodelRunner}. */
public final class LocalSubmodelEngine implements SubmodelEngine {
    private final int threads;

    /** @param threads worker threads (e.g. {@link Runtime#availableProcessors()}) */
    public LocalSubmodelEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public RunSummary run(SubmodelJob job, int from, int to, IntPredicate finished, Consumer<SubmodelResult> sink,
            Consumer<RunProgress> progress) {
        return job.runner(threads).run(DesignPlan.of(job.design()), from, to, job.trainingSeed(), finished, sink,
                progress);
    }
}
