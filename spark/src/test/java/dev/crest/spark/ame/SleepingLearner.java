package dev.crest.spark.ame;

import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.TrainedModel;
import dev.crest.tensor.data.Dataset;
import java.util.BitSet;

/** A learner that never finishes in time: it sleeps for 20 s, to test the Spark task time limit. */
public final class SleepingLearner implements Learner {
    @Override
    public String name() {
        return "sleeping";
    }

    @Override
    public TrainedModel train(Dataset training, BitSet subset, int classCount, long seed) {
        try {
            Thread.sleep(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the sleeping learner was woken up");
    }
}
