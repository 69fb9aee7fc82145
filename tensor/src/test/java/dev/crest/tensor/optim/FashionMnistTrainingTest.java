package dev.crest.tensor.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crest.tensor.Shape;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.FashionMnist;
import dev.crest.tensor.nn.Conv2d;
import dev.crest.tensor.nn.Flatten;
import dev.crest.tensor.nn.Linear;
import dev.crest.tensor.nn.MaxPool2d;
import dev.crest.tensor.nn.Module;
import dev.crest.tensor.nn.ReLU;
import dev.crest.tensor.nn.Sequential;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Short training runs on real Fashion-MNIST subsets; skipped when the Debian data package is absent. */
class FashionMnistTrainingTest {
    private static Dataset train;
    private static Dataset test;

    @BeforeAll
    static void load() {
        assumeTrue(FashionMnist.isAvailable(FashionMnist.DEBIAN_DIRECTORY),
                "Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
        train = FashionMnist.train(FashionMnist.DEBIAN_DIRECTORY).slice(0, 8000);
        test = FashionMnist.test(FashionMnist.DEBIAN_DIRECTORY).slice(0, 2000);
    }

    @Test
    void mlpExceedsEightyPercentTestAccuracyAfterThreeEpochsOnEightThousandImages() {
        SplittableRandom random = new SplittableRandom(16);
        Module mlp = new Sequential(new Flatten(), new Linear(784, 128, random), new ReLU(),
                new Linear(128, 10, random));
        List<EpochResult> history = new Trainer(mlp, new Adam(mlp.parameters(), AdamSettings.defaults()))
                .fit(train, new TrainingSettings(3, 64, 17));
        assertThat(history.get(2).meanLoss()).isLessThan(history.get(0).meanLoss());
        assertThat(Accuracy.of(mlp, test, 500)).isGreaterThan(0.80);
    }

    @Test
    void smallCnnLossFallsWithinTwoEpochsOnAThousandImages() {
        Dataset images = train.slice(0, 1000).withExampleShape(Shape.of(1, 28, 28));
        SplittableRandom random = new SplittableRandom(18);
        Module cnn = new Sequential(new Conv2d(1, 8, 3, 1, 1, random), new ReLU(), new MaxPool2d(2),
                new Conv2d(8, 16, 3, 1, 1, random), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(16 * 7 * 7, 10, random));
        List<EpochResult> history = new Trainer(cnn, new Adam(cnn.parameters(), AdamSettings.defaults()))
                .fit(images, new TrainingSettings(2, 32, 19));
        assertThat(history.get(1).meanLoss()).isLessThan(0.8 * history.get(0).meanLoss());
        assertThat(history.get(1).trainingAccuracy()).isGreaterThan(0.6);
    }
}
