package dev.crest.ame.learn;

import dev.crest.ame.AmeException;
import dev.crest.tensor.nn.Conv2d;
import dev.crest.tensor.nn.Flatten;
import dev.crest.tensor.nn.Linear;
import dev.crest.tensor.nn.MaxPool2d;
import dev.crest.tensor.nn.Module;
import dev.crest.tensor.nn.ReLU;
import dev.crest.tensor.nn.Sequential;
import java.util.SplittableRandom;

/** The network shapes behind the built-in learners: multinomial logistic regression, an MLP and a small CNN. */
public final class BuiltInNetworks {
    /** Channels of the CNN's two convolutions. */
    private static final int CNN_CHANNELS_1 = 8;
    private static final int CNN_CHANNELS_2 = 16;

    private BuiltInNetworks() {
    }

    /** Multinomial logistic regression: one linear layer from the flattened example to the class logits. */
    public static NetworkFactory logisticRegression() {
        return (shape, classes, random) -> new Sequential(new Flatten(), new Linear(shape.size(), classes, random));
    }

    /** A one-hidden-layer perceptron with ReLU. */
    public static NetworkFactory mlp(int hiddenUnits) {
        return (shape, classes, random) -> new Sequential(new Flatten(),
                new Linear(shape.size(), hiddenUnits, random), new ReLU(), new Linear(hiddenUnits, classes, random));
    }

    /**
     * Two 3×3 convolutions (padding 1) each followed by ReLU and 2×2 max pooling, then a linear classifier.
     * Examples must be single-channel images shaped {@code [h, w]} or {@code [1, h, w]} with h, w ≥ 4 (28×28 in
     * Fashion-MNIST); a 2-D example is given its channel axis by the leading reshape.
     */
    public static NetworkFactory cnn() {
        return (shape, classes, random) -> {
            int height;
            int width;
            if (shape.rank() == 2) {
                height = shape.dim(0);
                width = shape.dim(1);
            } else if (shape.rank() == 3 && shape.dim(0) == 1) {
                height = shape.dim(1);
                width = shape.dim(2);
            } else {
                throw new AmeException("the cnn learner needs single-channel images shaped [h, w] or [1, h, w], got "
                        + shape + "; use logreg or mlp for other data");
            }
            if (height < 4 || width < 4) {
                throw new AmeException("the cnn learner needs images of at least 4x4 pixels, got " + shape);
            }
            int flat = CNN_CHANNELS_2 * (height / 2 / 2) * (width / 2 / 2);
            return new Sequential(new ChannelAxis(height, width),
                    new Conv2d(1, CNN_CHANNELS_1, 3, 1, 1, random), new ReLU(), new MaxPool2d(2),
                    new Conv2d(CNN_CHANNELS_1, CNN_CHANNELS_2, 3, 1, 1, random), new ReLU(), new MaxPool2d(2),
                    new Flatten(), new Linear(flat, classes, random));
        };
    }
}
