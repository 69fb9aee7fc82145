package dev.crest.ame.learn;

import dev.crest.tensor.data.Dataset;
import java.util.BitSet;

/** A test plugin found through META-INF/services: its models output logits 0, 1, 2, … for every example. */
public final class ConstantLearnerProvider implements LearnerProvider {
    static final String NAME = "test-constant";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Learner create(LearnerSettings settings) {
        return new Learner() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public TrainedModel train(Dataset training, BitSet subset, int classCount, long seed) {
                return examples -> {
                    float[][] logits = new float[examples.shape().dim(0)][classCount];
                    for (float[] row : logits) {
                        for (int c = 0; c < classCount; c++) {
                            row[c] = c;
                        }
                    }
                    return logits;
                };
            }
        };
    }
}
