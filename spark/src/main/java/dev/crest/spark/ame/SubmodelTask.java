package dev.crest.spark.ame;

import dev.crest.ame.run.DesignPlan;
import dev.crest.ame.run.SubmodelJob;
import dev.crest.ame.run.SubmodelRunner;
import dev.crest.ame.run.SubsetPlan;
import dev.crest.ame.run.TaskSeeds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The code a Spark task runs: rebuilds the run's job from the broadcast payload and trains its submodels one
 * after another, each with the seed the local engine would give it, retrying a failing submodel once as the
 * local runner does.
 */
final class SubmodelTask implements FlatMapFunction<Iterator<Integer>, TrainedSubmodel> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<AmeJobPayload> payload;

    SubmodelTask(Broadcast<AmeJobPayload> payload) {
        this.payload = payload;
    }

    @Override
    public Iterator<TrainedSubmodel> call(Iterator<Integer> indices) {
        SubmodelJob job = payload.value().toJob();
        // One thread: Spark already runs one task per executor core.
        SubmodelRunner runner = job.runner(1);
        SubsetPlan plan = DesignPlan.of(job.design());
        List<TrainedSubmodel> trained = new ArrayList<>();
        while (indices.hasNext()) {
            int index = indices.next();
            long seed = TaskSeeds.seed(job.trainingSeed(), index);
            trained.add(attemptTwice(runner, plan, index, seed));
        }
        return trained.iterator();
    }

    private static TrainedSubmodel attemptTwice(SubmodelRunner runner, SubsetPlan plan, int index, long seed) {
        try {
            return TrainedSubmodel.finished(runner.trainAndEvaluate(plan, index, seed));
        } catch (RuntimeException | StackOverflowError first) {
            try {
                return TrainedSubmodel.finished(runner.trainAndEvaluate(plan, index, seed));
            } catch (RuntimeException | StackOverflowError second) {
                return TrainedSubmodel.failed(index, second);
            }
        }
    }
}
