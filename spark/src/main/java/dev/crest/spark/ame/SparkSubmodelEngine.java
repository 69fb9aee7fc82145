package dev.crest.spark.ame;

import dev.crest.ame.run.RunProgress;
import dev.crest.ame.run.RunSummary;
import dev.crest.ame.run.SubmodelEngine;
import dev.crest.ame.run.SubmodelFailure;
import dev.crest.ame.run.SubmodelJob;
import dev.crest.ame.run.SubmodelResult;
import dev.crest.spark.ChunkRunner;
import dev.crest.spark.SparkConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.apache.spark.broadcast.Broadcast;

/**
 * Trains AME submodels on Spark: the pending submodel indices are cut into tasks, the job's data is broadcast
 * once, and each task returns (index, p, outcomes) for its submodels; the driver hands them to the sink (the
 * run's checkpoint) as each task finishes. A lost executor costs only its unfinished tasks, which Spark reruns;
 * since submodel j's subset and seed depend only on the run's seeds and j, a rerun gives the same submodel.
 */
public final class SparkSubmodelEngine implements SubmodelEngine {
    /** Tasks per executor core when the task size is chosen automatically: small tasks lose little on failure. */
    private static final int TASKS_PER_CORE = 4;

    private final SparkConnection connection;
    private final int submodelsPerTask;

    /** @param submodelsPerTask submodels each task trains, or 0 to choose from the cluster's parallelism */
    public SparkSubmodelEngine(SparkConnection connection, int submodelsPerTask) {
        if (submodelsPerTask < 0) {
            throw new IllegalArgumentException("submodels per task must be at least 0, got " + submodelsPerTask);
        }
        this.connection = connection;
        this.submodelsPerTask = submodelsPerTask;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RunSummary run(SubmodelJob job, int from, int to, IntPredicate finished, Consumer<SubmodelResult> sink,
            Consumer<RunProgress> progress) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad submodel range [" + from + ", " + to + ")");
        }
        List<Integer> pending = new ArrayList<>();
        for (int j = from; j < to; j++) {
            if (!finished.test(j)) {
                pending.add(j);
            }
        }
        int skipped = (to - from) - pending.size();
        List<List<Integer>> chunks = chunk(pending, taskSize(pending.size()));
        List<SubmodelFailure> failures = new ArrayList<>();
        int[] done = {0};
        long start = System.nanoTime();
        Broadcast<AmeJobPayload> payload = connection.context().broadcast(AmeJobPayload.of(job));
        try {
            new ChunkRunner(connection).run(chunks, new SubmodelTask(payload), "AME submodels",
                    i -> describe(chunks.get(i)), (i, results) -> {
                        for (TrainedSubmodel trained : results) {
                            if (trained.isFailure()) {
                                failures.add(trained.failure());
                            } else {
                                sink.accept(trained.result());
                                done[0]++;
                            }
                            progress.accept(new RunProgress(done[0], pending.size(), failures.size(),
                                    System.nanoTime() - start));
                        }
                    });
        } finally {
            payload.destroy();
        }
        failures.sort(Comparator.comparingInt(SubmodelFailure::index));
        return new RunSummary(done[0], skipped, failures);
    }

    private int taskSize(int pending) {
        if (submodelsPerTask > 0) {
            return submodelsPerTask;
        }
        int parallelism = Math.max(1, connection.context().defaultParallelism());
        return Math.max(1, (int) Math.ceil(pending / (double) (parallelism * TASKS_PER_CORE)));
    }

    private static List<List<Integer>> chunk(List<Integer> indices, int size) {
        List<List<Integer>> chunks = new ArrayList<>();
        for (int k = 0; k < indices.size(); k += size) {
            chunks.add(new ArrayList<>(indices.subList(k, Math.min(indices.size(), k + size))));
        }
        return chunks;
    }

    private static String describe(List<Integer> chunk) {
        int first = chunk.get(0);
        int last = chunk.get(chunk.size() - 1);
        return first == last ? "submodel " + first : "submodels " + first + "-" + last;
    }
}
