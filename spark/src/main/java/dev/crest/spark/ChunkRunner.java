package dev.crest.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Runs independent chunks of work on Spark, one single-task job per chunk, and hands each chunk's results to the
 * caller on the calling thread as soon as its task finishes, so the caller can append them to a file while the
 * rest still run. Spark retries a task whose executor is lost; a task that runs longer than the time limit, or
 * that fails for good, cancels all chunks with a {@link SparkEngineException}.
 */
public final class ChunkRunner {
    private static final long POLL_MILLIS = 20;
    /**
     * The shortest wait for an executor to start a first task: a fresh context or a busy cluster can take a while
     * to start executors, which is no reason to give up when the task limit is short.
     */
    private static final long MIN_EXECUTOR_WAIT_NANOS = 120_000_000_000L;
    /**
     * The longest wait for an executor to start a task: executors that cannot start at all (e.g. missing classes or
     * native libraries) are only visible in the workers' logs, and Spark keeps relaunching them.
     */
    private static final long MAX_EXECUTOR_WAIT_NANOS = 300_000_000_000L;

    private final SparkConnection connection;

    public ChunkRunner(SparkConnection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code task} over every chunk and calls {@code onChunk} with (chunk index, results) in completion order.
     *
     * @param what names the work in errors, e.g. {@code "AME submodels"}
     * @param describeChunk names one chunk in errors, e.g. {@code "submodels 40-47"}
     */
    public <T, R> void run(List<List<T>> chunks, FlatMapFunction<Iterator<T>, R> task, String what,
            java.util.function.IntFunction<String> describeChunk, BiConsumer<Integer, List<R>> onChunk) {
        if (chunks.isEmpty()) {
            return;
        }
        JavaSparkContext context = connection.context();
        String group = "crest-" + UUID.randomUUID();
        TaskWatch watch = new TaskWatch(group);
        context.sc().addSparkListener(watch);
        List<JavaFutureAction<List<R>>> futures = new ArrayList<>();
        boolean completed = false;
        try {
            context.setJobGroup(group, what, true);
            for (int i = 0; i < chunks.size(); i++) {
                context.setLocalProperty(TaskWatch.CHUNK_PROPERTY, Integer.toString(i));
                futures.add(context.parallelize(chunks.get(i), 1).mapPartitions(task).collectAsync());
            }
            context.setLocalProperty(TaskWatch.CHUNK_PROPERTY, null);
            context.clearJobGroup();
            boolean[] delivered = new boolean[chunks.size()];
            int remaining = chunks.size();
            long timeoutNanos = connection.settings().taskTimeout().toNanos();
            long executorWaitNanos = Math.max(MIN_EXECUTOR_WAIT_NANOS,
                    Math.min(timeoutNanos, MAX_EXECUTOR_WAIT_NANOS));
            while (remaining > 0) {
                boolean progressed = false;
                for (int i = 0; i < futures.size(); i++) {
                    if (!delivered[i] && futures.get(i).isDone()) {
                        List<R> results = resultOf(futures.get(i), what, describeChunk.apply(i));
                        delivered[i] = true;
                        remaining--;
                        progressed = true;
                        onChunk.accept(i, results);
                    }
                }
                if (progressed) {
                    continue;
                }
                Optional<Integer> overdue = watch.overdueChunk(timeoutNanos);
                if (overdue.isPresent()) {
                    throw new SparkEngineException("the Spark task for " + describeChunk.apply(overdue.get())
                            + " ran longer than the task time limit of " + connection.settings().taskTimeout()
                                    .toSeconds() + " s; the job was cancelled (raise --task-timeout if it is"
                            + " just slow)");
                }
                if (watch.idleNanos() > executorWaitNanos) {
                    throw new SparkEngineException("no Spark executor ran a task of " + what + " for "
                            + executorWaitNanos / 1_000_000_000L + " s; check that the master "
                            + connection.settings().master() + " has workers with free cores and that executors"
                            + " start (see the executor logs in the workers' work folders)");
                }
                Thread.sleep(POLL_MILLIS);
            }
            completed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SparkEngineException("interrupted while waiting for Spark tasks of " + what, e);
        } finally {
            if (!completed) {
                context.cancelJobGroup(group);
            }
            context.sc().removeSparkListener(watch);
        }
    }

    private static <R> List<R> resultOf(JavaFutureAction<List<R>> future, String what, String chunk)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = String.valueOf(cause.getMessage());
            throw new SparkEngineException("the Spark task for " + chunk + " of " + what + " failed: "
                    + message.lines().findFirst().orElse(message), cause);
        }
    }
}
