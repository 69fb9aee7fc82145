package dev.crest.ame.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crest.ame.data.IdxLoader;
import dev.crest.ame.poison.Poisoner;
import dev.crest.ame.poison.TriggerPatch;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.FashionMnist;
import java.util.BitSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Built-in learners on real images; runs only where Debian's dataset-fashion-mnist package is installed. */
class FashionMnistLearnerTest {
    private static Dataset train;
    private static Dataset heldOut;

    @BeforeAll
    static void load() {
        assumeTrue(FashionMnist.isAvailable(FashionMnist.DEBIAN_DIRECTORY), "Fashion-MNIST is not installed");
        // The 10,000-image test file is enough here and keeps the suite light.
        Dataset all = IdxLoader.load(FashionMnist.DEBIAN_DIRECTORY.resolve("t10k-images-idx3-ubyte.gz"),
                FashionMnist.DEBIAN_DIRECTORY.resolve("t10k-labels-idx1-ubyte.gz"), 10);
        train = all.slice(0, 1000);
        heldOut = all.slice(1000, 1500);
    }

    private static double accuracy(TrainedModel model, Dataset data) {
        float[][] logits = model.logits(data.features());
        int correct = 0;
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int c = 1; c < logits[i].length; c++) {
                if (logits[i][c] > logits[i][best]) {
                    best = c;
                }
            }
            correct += best == data.label(i) ? 1 : 0;
        }
        return (double) correct / logits.length;
    }

    @Test
    void logisticRegressionLearnsWellAboveChance() {
        BitSet all = new BitSet();
        all.set(0, train.size());
        Learner logreg = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(150));
        assertThat(accuracy(logreg.train(train, all, 10, 1), heldOut)).isGreaterThan(0.6);
    }

    @Test
    void cnnIsDeterministicOnImages() {
        BitSet half = new BitSet();
        for (int i = 0; i < 200; i += 2) {
            half.set(i);
        }
        Learner cnn = Learners.discover().create("cnn", LearnerSettings.defaults().withSteps(4).withBatchSize(16));
        Dataset queries = heldOut.slice(0, 5);
        assertThat(cnn.train(train, half, 10, 3).logits(queries.features()))
                .isDeepEqualTo(cnn.train(train, half, 10, 3).logits(queries.features()));
    }

    @Test
    void aPlantedBackdoorMakesTriggeredImagesPredictTheTarget() {
        Poisoner poisoner = new Poisoner(TriggerPatch.whiteSquare());
        Dataset poisoned = poisoner.poison(train, 100, 0, 5).data();
        BitSet all = new BitSet();
        all.set(0, poisoned.size());
        Learner logreg = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(300));
        TrainedModel model = logreg.train(poisoned, all, 10, 2);
        Dataset triggered = poisoner.stampAll(heldOut);
        float[][] logits = model.logits(triggered.features());
        int hits = 0;
        int candidates = 0;
        for (int i = 0; i < logits.length; i++) {
            if (heldOut.label(i) == 0) {
                continue;
            }
            candidates++;
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (logits[i][c] > logits[i][best]) {
                    best = c;
                }
            }
            hits += best == 0 ? 1 : 0;
        }
        // A clean model sends about a tenth of images to any one class; the backdoor must do much better.
        assertThat((double) hits / candidates).isGreaterThan(0.5);
    }
}
