package dev.crest.ame.learn;

import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.optim.AdamSettings;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The built-in {@code logreg} and {@code mlp} learners on the fused {@link DenseNetwork} path: the same model,
 * initialization, mini-batch order, loss and Adam update as {@link NetworkLearner} with the corresponding
 * {@link BuiltInNetworks} factory, several times faster on small batches (see {@link DenseNetwork} for why).
 * Batches are read straight from the training set's pixels by index, so a subset is never copied.
 */
final class DenseNetworkLearner implements Learner {
    /**
     * SplitMix64's golden-ratio increment, as {@code MiniBatches} uses it to spread epoch numbers across seeds;
     * repeated here so the fused path visits batches in the same order as the tape path.
     */
    private static final long EPOCH_STRIDE = 0x9E3779B97F4A7C15L;

    private final String name;
    private final int hiddenUnits;
    private final LearnerSettings settings;

    /** @param hiddenUnits 0 for logistic regression, else the MLP's hidden width */
    DenseNetworkLearner(String name, int hiddenUnits, LearnerSettings settings) {
        this.name = name;
        this.hiddenUnits = hiddenUnits;
        this.settings = settings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TrainedModel train(Dataset training, BitSet subset, int classCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int inputs = training.exampleShape().size();
        DenseNetwork network = DenseNetwork.initialized(inputs, hiddenUnits, classCount, random.split());
        int[] members = subset.stream().filter(i -> i < training.size()).toArray();
        if (members.length > 0 && settings.steps() > 0) {
            fit(network, training, members, random.nextLong());
        }
        return examples -> logitsOf(network, examples);
    }

    private void fit(DenseNetwork network, Dataset training, int[] members, long batchSeed) {
        float[] data = training.features().float32Data();
        int[] labels = training.labels();
        int batchSize = Math.min(settings.batchSize(), members.length);
        Adam adam = new Adam(network.parameters().length,
                AdamSettings.defaults().withLearningRate(settings.learningRate()));
        int[] order = new int[members.length];
        int step = 0;
        for (int epoch = 0; step < settings.steps(); epoch++) {
            shuffle(members, order, batchSeed, epoch);
            for (int from = 0; from < order.length && step < settings.steps(); from += batchSize, step++) {
                network.lossGradient(data, labels, order, from, Math.min(order.length, from + batchSize));
                adam.step(network.parameters(), network.gradient());
            }
        }
    }

    /** The members in the order {@code MiniBatches} gives epoch {@code epoch} of their subset (Fisher–Yates). */
    private static void shuffle(int[] members, int[] order, long seed, int epoch) {
        int n = members.length;
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed + EPOCH_STRIDE * epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = positions[i];
            positions[i] = positions[j];
            positions[j] = tmp;
        }
        for (int i = 0; i < n; i++) {
            order[i] = members[positions[i]];
        }
    }

    private static float[][] logitsOf(DenseNetwork network, Tensor examples) {
        int count = examples.shape().dim(0);
        float[] data = examples.float32Data();
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        int classes = network.classes();
        float[][] logits = new float[count][classes];
        // The network's buffers are not shared between threads, so concurrent evaluations take turns.
        synchronized (network) {
            float[] out = network.forward(data, rows, 0, count);
            for (int i = 0; i < count; i++) {
                System.arraycopy(out, i * classes, logits[i], 0, classes);
            }
        }
        return logits;
    }

    /** Adam over one flat parameter array, the update of {@code dev.crest.tensor.optim.Adam} without weight decay. */
    private static final class Adam {
        private final float[] first;
        private final float[] second;
        private final AdamSettings settings;
        private int steps;

        Adam(int size, AdamSettings settings) {
            this.first = new float[size];
            this.second = new float[size];
            this.settings = settings;
        }

        void step(float[] w, float[] g) {
            float beta1 = (float) settings.beta1();
            float beta2 = (float) settings.beta2();
            float gain1 = (float) (1 - settings.beta1());
            float gain2 = (float) (1 - settings.beta2());
            float epsilon = (float) settings.epsilon();
            steps++;
            float stepSize = (float) (settings.learningRate() / (1 - Math.pow(settings.beta1(), steps)));
            float rootCorrection2 = (float) Math.sqrt(1 - Math.pow(settings.beta2(), steps));
            for (int i = 0; i < w.length; i++) {
                float gi = g[i];
                float mi = beta1 * first[i] + gain1 * gi;
                float vi = beta2 * second[i] + gain2 * gi * gi;
                first[i] = mi;
                second[i] = vi;
                w[i] = w[i] - stepSize * mi / ((float) Math.sqrt(vi) / rootCorrection2 + epsilon);
            }
        }
    }
}
