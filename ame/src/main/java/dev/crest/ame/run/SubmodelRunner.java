package dev.crest.ame.run;

import dev.crest.ame.data.Outcome;
import dev.crest.ame.data.Queries;
import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.TrainedModel;
import dev.crest.tensor.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Trains submodels j in [from, to) of a {@link SubsetPlan} in parallel on a fixed thread pool and evaluates each
 * on the queries. Each submodel's seed depends only on the run seed and j ({@link TaskSeeds}), so the outcomes are
 * identical whatever the scheduling. A submodel whose learner throws is retried once with the same seed; if it
 * fails again it is reported in the {@link RunSummary}, never delivered as a result.
 *
 * <p>Results and progress are delivered on the calling thread, one at a time, in completion order, so the sink
 * may append to a checkpoint without locking.
 */
public final class SubmodelRunner {
    private final Learner learner;
    private final Dataset training;
    private final int classCount;
    private final Queries queries;
    private final Outcome outcome;
    private final int threads;

    /**
     * @param classCount number of classes every submodel outputs (that of the full training set)
     * @param threads worker threads (e.g. {@link Runtime#availableProcessors()})
     */
    public SubmodelRunner(Learner learner, Dataset training, int classCount, Queries queries, Outcome outcome,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        // Checked here so a bad target fails once, up front, instead of as a failure of every submodel.
        outcome.validate(classCount, queries.examples().labels());
        this.learner = learner;
        this.training = training;
        this.classCount = classCount;
        this.queries = queries;
        this.outcome = outcome;
        this.threads = threads;
    }

    /** A runner using one thread per available core. */
    public SubmodelRunner(Learner learner, Dataset training, int classCount, Queries queries, Outcome outcome) {
        this(learner, training, classCount, queries, outcome, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains the submodels in [from, to) that {@code finished} does not already cover.
     *
     * @param sink receives each finished submodel
     * @param progress receives a snapshot after each finished or failed submodel
     */
    public RunSummary run(SubsetPlan plan, int from, int to, long runSeed, IntPredicate finished,
            Consumer<SubmodelResult> sink, Consumer<RunProgress> progress) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad submodel range [" + from + ", " + to + ")");
        }
        long[] seeds = TaskSeeds.seeds(runSeed, from, to);
        List<Integer> pending = new ArrayList<>();
        for (int j = from; j < to; j++) {
            if (!finished.test(j)) {
                pending.add(j);
            }
        }
        int skipped = (to - from) - pending.size();
        List<SubmodelFailure> failures = new ArrayList<>();
        int done = 0;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ame-submodel");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Attempt> completions = new ExecutorCompletionService<>(pool);
            for (int j : pending) {
                long seed = seeds[j - from];
                completions.submit(() -> attemptTwice(plan, j, seed));
            }
            for (int k = 0; k < pending.size(); k++) {
                Future<Attempt> future = completions.take();
                Attempt attempt = future.get();
                if (attempt.result != null) {
                    sink.accept(attempt.result);
                    done++;
                } else {
                    failures.add(attempt.failure);
                }
                progress.accept(new RunProgress(done, pending.size(), failures.size(), System.nanoTime() - start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training submodels", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("submodel task failed outside the learner", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        failures.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new RunSummary(done, skipped, failures);
    }

    /** Trains and evaluates submodel {@code index}, once more on failure. */
    private Attempt attemptTwice(SubsetPlan plan, int index, long seed) {
        try {
            return new Attempt(trainAndEvaluate(plan, index, seed), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError first) {
            try {
                return new Attempt(trainAndEvaluate(plan, index, seed), null);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError second) {
                second.addSuppressed(first);
                return new Attempt(null, new SubmodelFailure(index, second));
            }
        }
    }

    /** Trains submodel {@code index} and computes its outcome on every query. */
    public SubmodelResult trainAndEvaluate(SubsetPlan plan, int index, long seed) {
        PlannedSubset subset = plan.subset(index);
        TrainedModel model = learner.train(training, subset.mask(), classCount, seed);
        float[][] logits = model.logits(queries.examples().features());
        double[] values = new double[queries.size()];
        for (int q = 0; q < values.length; q++) {
            values[q] = outcome.of(logits[q], queries.examples().label(q));
            if (Double.isNaN(values[q])) {
                throw new IllegalStateException("learner " + learner.name() + " gave a NaN outcome for query " + q
                        + " of submodel " + index);
            }
        }
        return new SubmodelResult(index, subset.probability(), values);
    }

    /** The outcome of one attempt: exactly one of the fields is set. */
    private record Attempt(SubmodelResult result, SubmodelFailure failure) {
    }
}
