package dev.crest.spark.netsim;

import dev.crest.netsim.sweep.PointRunner;
import dev.crest.netsim.sweep.RunOutcome;
import dev.crest.netsim.sweep.SimulationPointRunner;
import dev.crest.netsim.sweep.SweepEngine;
import dev.crest.netsim.sweep.SweepGrid;
import dev.crest.netsim.sweep.SweepPoint;
import dev.crest.spark.ChunkRunner;
import dev.crest.spark.SparkConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs a netsim sweep's pending points on Spark, a small group of points per task; the driver appends each row
 * to the sweep's CSV as its task finishes. Executors rebuild the {@link SimulationPointRunner} of the grid, so
 * this engine serves sweeps whose runner is {@code SimulationPointRunner.prepare(grid)}; the seeds come from
 * the driver, so the rows equal the local engine's.
 */
public final class SparkSweepEngine implements SweepEngine {
    private static final int TASKS_PER_CORE = 4;

    private final SparkConnection connection;
    private final SweepGrid grid;

    public SparkSweepEngine(SparkConnection connection, SweepGrid grid) {
        this.connection = connection;
        this.grid = grid;
    }

    @Override
    public void runAll(List<SweepPoint> points, long[] seeds, PointRunner runner,
            BiConsumer<SweepPoint, RunOutcome> sink) {
        List<SweepRun> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            runs.add(SweepRun.pending(points.get(i), seeds[i]));
        }
        int parallelism = Math.max(1, connection.context().defaultParallelism());
        int size = Math.max(1, (int) Math.ceil(runs.size() / (double) (parallelism * TASKS_PER_CORE)));
        List<List<SweepRun>> chunks = new ArrayList<>();
        for (int k = 0; k < runs.size(); k += size) {
            chunks.add(new ArrayList<>(runs.subList(k, Math.min(runs.size(), k + size))));
        }
        new ChunkRunner(connection).run(chunks, new SweepTask(grid), "sweep runs",
                i -> "sweep runs " + chunks.get(i).get(0).point() + " and " + (chunks.get(i).size() - 1) + " more",
                (i, done) -> done.forEach(run -> sink.accept(run.point(), run.outcome())));
    }
}
