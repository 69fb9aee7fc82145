package dev.crest.bench.mlp;

/**
 * The MLP training run both sides perform: a {@code inputs-hidden-classes} network with ReLU, softmax
 * cross-entropy, plain SGD with momentum (PyTorch's form: {@code v = momentum·v + g; w -= lr·v}), fixed-size
 * mini-batches (the last one may be smaller) in a seeded shuffled order, on the first {@code examples}
 * training images; {@code seed} draws both the initial weights and the order.
 */
public record MlpConfig(int inputs, int hidden, int classes, int batchSize, float learningRate, float momentum,
        int examples, long seed) {

    /** Validates the sizes and rates. */
    public MlpConfig {
        if (inputs < 1 || hidden < 1 || classes < 2 || batchSize < 1 || examples < 1) {
            throw new IllegalArgumentException("MLP sizes must be positive (and at least 2 classes)");
        }
        if (!(learningRate > 0) || momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("need learningRate > 0 and 0 <= momentum < 1");
        }
    }

    /** The benchmark's run: 784-128-10, batch 64, lr 0.1, momentum 0.9, 10,000 images. */
    public static MlpConfig fashionMnistDefault() {
        return new MlpConfig(784, 128, 10, 64, 0.1f, 0.9f, 10_000, 42L);
    }
}
