package dev.crest.tensor.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.nn.Conv2d;
import dev.crest.tensor.nn.Flatten;
import dev.crest.tensor.nn.Linear;
import dev.crest.tensor.nn.MaxPool2d;
import dev.crest.tensor.nn.Module;
import dev.crest.tensor.nn.Parameter;
import dev.crest.tensor.nn.ReLU;
import dev.crest.tensor.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {
    @Test
    void logisticRegressionSeparatesBlobs() {
        Dataset train = SyntheticData.blobs(600, 4, 3, 1);
        Dataset test = SyntheticData.blobs(300, 4, 3, 2);
        Linear model = new Linear(4, 3, new SplittableRandom(3));
        Trainer trainer = new Trainer(model, new Sgd(model.parameters(), new SgdSettings(0.1, 0.9, false, 0)));
        List<EpochResult> history = trainer.fit(train, new TrainingSettings(5, 32, 4));
        assertThat(history).hasSize(5);
        assertThat(history.get(4).meanLoss()).isLessThan(history.get(0).meanLoss());
        assertThat(Accuracy.of(model, test, 100)).isGreaterThan(0.97);
    }

    @Test
    void mlpLearnsRingsThatLogisticRegressionCannot() {
        Dataset train = SyntheticData.rings(1000, 5);
        Dataset test = SyntheticData.rings(500, 6);
        SplittableRandom random = new SplittableRandom(7);
        Module linear = new Linear(2, 2, random);
        Module mlp = new Sequential(new Linear(2, 32, random), new ReLU(), new Linear(32, 2, random));
        TrainingSettings settings = new TrainingSettings(30, 32, 8);
        new Trainer(linear, new Adam(linear.parameters(), AdamSettings.defaults().withLearningRate(0.01)))
                .fit(train, settings);
        new Trainer(mlp, new Adam(mlp.parameters(), AdamSettings.defaults().withLearningRate(0.01)))
                .fit(train, settings);
        assertThat(Accuracy.of(linear, test, 100)).isLessThan(0.75);
        assertThat(Accuracy.of(mlp, test, 100)).isGreaterThan(0.97);
    }

    @Test
    void smallCnnLossDropsClearlyOnBars() {
        Dataset train = SyntheticData.bars(400, 9);
        SplittableRandom random = new SplittableRandom(10);
        Module cnn = new Sequential(new Conv2d(1, 4, 3, 1, 1, random), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(4 * 4 * 4, 2, random));
        List<EpochResult> history = new Trainer(cnn,
                new Sgd(cnn.parameters(), new SgdSettings(0.05, 0.9, false, 0))).fit(train, new TrainingSettings(4, 16, 11));
        assertThat(history.get(3).meanLoss()).isLessThan(0.3 * history.get(0).meanLoss());
        assertThat(Accuracy.of(cnn, SyntheticData.bars(200, 12), 50)).isGreaterThan(0.95);
    }

    @Test
    void seededTrainingIsReproducible() {
        Dataset train = SyntheticData.blobs(200, 4, 3, 13);
        List<float[]> first = trainedWeights(train);
        List<float[]> second = trainedWeights(train);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).containsExactly(first.get(i));
        }
    }

    private static List<float[]> trainedWeights(Dataset train) {
        SplittableRandom random = new SplittableRandom(14);
        Module mlp = new Sequential(new Linear(4, 8, random), new ReLU(), new Linear(8, 3, random));
        new Trainer(mlp, new Adam(mlp.parameters(), AdamSettings.defaults())).fit(train, new TrainingSettings(2, 16, 15));
        List<float[]> weights = new ArrayList<>();
        for (Parameter p : mlp.parameters()) {
            weights.add(p.value().float32Data());
        }
        return weights;
    }
}
