package dev.crest.ame.learn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.data.Batch;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.MiniBatches;
import dev.crest.tensor.nn.Module;
import dev.crest.tensor.nn.SoftmaxCrossEntropy;
import dev.crest.tensor.optim.Adam;
import dev.crest.tensor.optim.AdamSettings;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * A {@link Learner} for any network on the tensor engine: softmax cross-entropy minimized by Adam for exactly
 * {@link LearnerSettings#steps()} mini-batch steps, cycling through reshuffled epochs of the subset as often as
 * needed. An empty subset gives the untrained (seeded) network.
 */
public final class NetworkLearner implements Learner {
    /** Queries are run through the network in chunks of this many examples to bound memory. */
    private static final int INFERENCE_CHUNK = 256;

    private final String name;
    private final NetworkFactory factory;
    private final LearnerSettings settings;

    public NetworkLearner(String name, NetworkFactory factory, LearnerSettings settings) {
        this.name = name;
        this.factory = factory;
        this.settings = settings;
    }

    @Override
    public String name() {
        return name;
    }

    public LearnerSettings settings() {
        return settings;
    }

    @Override
    public TrainedModel train(Dataset training, BitSet subset, int classCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Module network = factory.create(training.exampleShape(), classCount, random.split());
        int[] members = subset.stream().filter(i -> i < training.size()).toArray();
        if (members.length > 0 && settings.steps() > 0) {
            Adam optimizer = new Adam(network.parameters(),
                    AdamSettings.defaults().withLearningRate(settings.learningRate()));
            MiniBatches batches = new MiniBatches(training.select(members),
                    Math.min(settings.batchSize(), members.length), random.nextLong());
            network.train();
            int step = 0;
            for (int epoch = 0; step < settings.steps(); epoch++) {
                for (Batch batch : batches.epoch(epoch)) {
                    Tape tape = new Tape();
                    Variable logits = network.forward(tape, tape.constant(batch.features()));
                    Gradients gradients = tape.backward(SoftmaxCrossEntropy.of(tape, logits, batch.labels()));
                    optimizer.step(gradients);
                    if (++step == settings.steps()) {
                        break;
                    }
                }
            }
        }
        network.eval();
        return examples -> logitsOf(network, examples, classCount);
    }

    private static float[][] logitsOf(Module network, Tensor examples, int classCount) {
        int count = examples.shape().dim(0);
        int exampleSize = count == 0 ? 0 : examples.size() / count;
        float[] values = examples.float32Data();
        int[] dims = examples.shape().dims();
        float[][] logits = new float[count][];
        for (int from = 0; from < count; from += INFERENCE_CHUNK) {
            int to = Math.min(count, from + INFERENCE_CHUNK);
            float[] chunk = new float[(to - from) * exampleSize];
            System.arraycopy(values, from * exampleSize, chunk, 0, chunk.length);
            dims[0] = to - from;
            Tape tape = new Tape();
            float[] out = network.forward(tape, tape.constant(Tensor.wrapFloat32(Shape.of(dims), chunk)))
                    .value().float32Data();
            for (int i = from; i < to; i++) {
                logits[i] = new float[classCount];
                System.arraycopy(out, (i - from) * classCount, logits[i], 0, classCount);
            }
        }
        return logits;
    }
}
