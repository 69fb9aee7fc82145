package dev.crest.netsim.sweep;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Where a sweep's pending runs execute: this machine's threads ({@link LocalSweepEngine}) or a cluster (the
 * {@code crest-spark} module). The sweep decides which points run and with which seeds; the engine only runs
 * them, so the rows do not depend on the engine.
 */
public interface SweepEngine {
    /**
     * Runs {@code points.get(i)} with {@code seeds[i]} for every i, handing each outcome to {@code sink} one at a
     * time (never concurrently). The first failure stops the work and is rethrown once runs in flight end.
     *
     * @param runner runs one point; an engine that runs points elsewhere may rebuild an equal runner there
     */
    void runAll(List<SweepPoint> points, long[] seeds, PointRunner runner, BiConsumer<SweepPoint, RunOutcome> sink);
}
