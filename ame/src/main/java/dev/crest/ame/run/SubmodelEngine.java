package dev.crest.ame.run;

import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Where the submodels of a run are trained: on this machine's threads ({@link LocalSubmodelEngine}) or on a
 * cluster (the {@code crest-spark} module). Every engine trains submodel j with the seed
 * {@link TaskSeeds#seed}{@code (job.trainingSeed(), j)}, so the outcomes do not depend on the engine.
 */
public interface SubmodelEngine {
    /** The name users select this engine by, e.g. {@code local} or {@code spark}. */
    String name();

    /**
     * Trains the submodels of {@code job} in [from, to) that {@code finished} does not already cover.
     *
     * @param sink receives each finished submodel, one at a time, on the calling thread
     * @param progress receives a snapshot after each finished or failed submodel, on the calling thread
     */
    RunSummary run(SubmodelJob job, int from, int to, IntPredicate finished, Consumer<SubmodelResult> sink,
            Consumer<RunProgress> progress);
}
