package dev.crest.bench.ame;

import dev.crest.ame.data.IdxLoader;
import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.ame.learn.TrainedModel;
import dev.crest.tensor.data.Dataset;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;

/**
 * How well a planted backdoor works, for the AME backdoor experiment ({@code bench/ame-backdoor.sh}): trains a
 * built-in learner on the whole poisoned training set, as a run's submodels are trained, and reports the attack
 * success (the share of triggered test images of other classes predicted as the target class) and the accuracy
 * on the clean test images.
 */
public final class BackdoorAttack {
    private BackdoorAttack() {
    }

    /**
     * Arguments: poisoned train images, train labels, clean test images, test labels, triggered test images,
     * target class, learner, steps, batch size, learning rate.
     */
    public static void main(String[] args) {
        if (args.length != 10) {
            System.err.println("usage: BackdoorAttack TRAIN_IMAGES TRAIN_LABELS TEST_IMAGES TEST_LABELS"
                    + " TRIGGERED_TEST_IMAGES TARGET LEARNER STEPS BATCH LEARNING_RATE");
            System.exit(2);
        }
        Dataset training = IdxLoader.load(Path.of(args[0]), Path.of(args[1]), 0);
        Dataset clean = IdxLoader.load(Path.of(args[2]), Path.of(args[3]), training.classCount());
        Dataset triggered = IdxLoader.load(Path.of(args[4]), Path.of(args[3]), training.classCount());
        int target = Integer.parseInt(args[5]);
        LearnerSettings settings = LearnerSettings.defaults().withSteps(Integer.parseInt(args[7]))
                .withBatchSize(Integer.parseInt(args[8])).withLearningRate(Double.parseDouble(args[9]));
        Learner learner = Learners.discover().create(args[6], settings);
        BitSet everything = new BitSet();
        everything.set(0, training.size());
        TrainedModel model = learner.train(training, everything, training.classCount(), 1);

        int[] cleanPredictions = predictions(model, clean);
        int[] triggeredPredictions = predictions(model, triggered);
        int correct = 0;
        int hits = 0;
        int candidates = 0;
        for (int i = 0; i < clean.size(); i++) {
            correct += cleanPredictions[i] == clean.label(i) ? 1 : 0;
            if (clean.label(i) != target) {
                candidates++;
                hits += triggeredPredictions[i] == target ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "attack success %.3f (%d of %d triggered test images of other classes"
                + " predicted as %d); clean test accuracy %.3f%n", (double) hits / candidates, hits, candidates,
                target, (double) correct / clean.size());
    }

    private static int[] predictions(TrainedModel model, Dataset data) {
        float[][] logits = model.logits(data.features());
        int[] predicted = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int c = 1; c < logits[i].length; c++) {
                if (logits[i][c] > logits[i][best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }
}
