package dev.crest.netsim.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs every point of a {@link SweepGrid} on a {@link SweepEngine} (by default a local thread pool) and streams
 * one CSV row per finished run. Every run's seed is drawn up front, before any run starts, from the sweep seed and the point's own values (not
 * its position in the grid), so a run gets the same seed however many threads there are, whether earlier rows
 * are being resumed, and whether the grid has since grown. Rows already in the CSV are skipped.
 */
public final class Sweep {
    private final SweepGrid grid;
    private final List<String> measureColumns;
    private final PointRunner runner;
    private final long seed;
    private final SweepEngine engine;

    /**
     * @param grid the runs
     * @param measureColumns the measures every finished run reports, in CSV column order
     * @param runner simulates one point; called concurrently
     * @param seed the sweep seed the run seeds are drawn from
     * @param threads pool size (e.g. the number of cores)
     */
    public Sweep(SweepGrid grid, List<String> measureColumns, PointRunner runner, long seed, int threads) {
        this(grid, measureColumns, runner, seed, new LocalSweepEngine(threads));
    }

    /** A sweep whose pending runs execute on {@code engine} (e.g. a Spark cluster) instead of local threads. */
    public Sweep(SweepGrid grid, List<String> measureColumns, PointRunner runner, long seed, SweepEngine engine) {
        this.grid = grid;
        this.measureColumns = List.copyOf(measureColumns);
        this.runner = runner;
        this.seed = seed;
        this.engine = engine;
    }

    /** The CSV header this sweep writes: parameters, seed, skip reason, measures. */
    public List<String> columns() {
        return SweepCsv.header(grid.parameterNames(), measureColumns);
    }

    /**
     * Runs the points not yet in {@code csv}, appending their rows. The first failure (other than a skipped run)
     * stops the sweep and is rethrown once runs in flight have ended; rows written so far stay.
     */
    public SweepSummary run(Path csv, SweepProgress progress) {
        List<SweepPoint> points = grid.expand();
        long[] seeds = new long[points.size()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = seedOf(seed, points.get(i));
        }
        try (SweepCsv out = SweepCsv.open(csv, grid.parameterNames(), measureColumns)) {
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (!out.done().contains(points.get(i).values())) {
                    todo.add(i);
                }
            }
            long alreadyDone = points.size() - todo.size();
            progress.started(points.size(), alreadyDone);
            long[] skipped = {0};
            List<SweepPoint> pending = new ArrayList<>();
            long[] pendingSeeds = new long[todo.size()];
            for (int k = 0; k < todo.size(); k++) {
                pending.add(points.get(todo.get(k)));
                pendingSeeds[k] = seeds[todo.get(k)];
            }
            engine.runAll(pending, pendingSeeds, runner, (point, outcome) -> {
                synchronized (out) {
                    out.append(point, outcome);
                    if (outcome.isSkipped()) {
                        skipped[0]++;
                    }
                    progress.finished(point, outcome);
                }
            });
            synchronized (out) {
                return new SweepSummary(points.size(), alreadyDone, todo.size() - skipped[0], skipped[0]);
            }
        }
    }

    /**
     * The seed of one run: the sweep seed mixed with a 64-bit FNV-1a hash of the point's CSV text, put through
     * {@link SplittableRandom} so nearby inputs give unrelated seeds.
     */
    static long seedOf(long sweepSeed, SweepPoint point) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : CsvLine.format(point.values()).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(sweepSeed ^ hash).nextLong();
    }
}
