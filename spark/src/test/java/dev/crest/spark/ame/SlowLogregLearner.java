package dev.crest.spark.ame;

import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.ame.learn.TrainedModel;
import dev.crest.tensor.data.Dataset;
import java.util.BitSet;

/**
 * The built-in logistic regression (20 steps), slowed down by a fixed pause per submodel so a cluster test can
 * kill a worker while the job is surely still running; its models are exactly logreg's.
 */
public final class SlowLogregLearner implements Learner {
    static final long PAUSE_MILLIS = 250;

    private final Learner logreg = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(20));

    @Override
    public String name() {
        return "slow-logreg";
    }

    @Override
    public TrainedModel train(Dataset training, BitSet subset, int classCount, long seed) {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return logreg.train(training, subset, classCount, seed);
    }
}
