package dev.crest.ame.run;

import dev.crest.ame.data.Outcome;
import dev.crest.ame.data.Queries;
import dev.crest.ame.design.Design;
import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.tensor.data.Dataset;

/**
 * Everything that determines the submodels of one AME run, in a form an engine can rebuild anywhere: the data
 * as arrays, the learner and outcome by the names users give, and the design by its grid and seed. A
 * {@link SubmodelEngine} in another process (e.g. a Spark executor) rebuilds the same learner, outcome and
 * design from these fields, so submodel j is the same whichever engine trains it.
 *
 * @param classCount number of classes every submodel outputs (that of the full training set)
 * @param learnerName a name {@link Learners#create} accepts
 * @param outcomeSpec a string {@link Outcome#parse} accepts
 * @param designSeed seed of the subset {@link Design}
 * @param trainingSeed run seed from which each submodel's training seed is derived ({@link TaskSeeds})
 */
public record SubmodelJob(Dataset training, int classCount, Queries queries, String learnerName,
        LearnerSettings settings, String outcomeSpec, double[] grid, long designSeed, long trainingSeed) {
    public SubmodelJob {
        grid = grid.clone();
        // Checked here so a bad target fails once, on the driver, before any engine starts.
        Outcome.parse(outcomeSpec).validate(classCount, queries.examples().labels());
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** The learner named by {@link #learnerName()}, found among the built-ins and the plugins of this class path. */
    public Learner learner() {
        return Learners.discover().create(learnerName, settings);
    }

    public Outcome outcome() {
        return Outcome.parse(outcomeSpec);
    }

    public Design design() {
        return new Design(training.size(), grid, designSeed);
    }

    /** A runner that trains this job's submodels on {@code threads} local threads. */
    public SubmodelRunner runner(int threads) {
        return new SubmodelRunner(learner(), training, classCount, queries, outcome(), threads);
    }
}
