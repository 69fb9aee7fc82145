package dev.crest.ame.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.nn.Linear;
import dev.crest.tensor.nn.Module;
import dev.crest.tensor.nn.Sequential;
import dev.crest.tensor.nn.SoftmaxCrossEntropy;
import dev.crest.tensor.data.Dataset;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fused path against the tape: same initial weights, same gradients, same trained model. */
class DenseNetworkTest {
    private static final int INPUTS = 12;
    private static final int CLASSES = 4;
    private static final Closeness GRADIENT = new Closeness(1e-6, 1e-4);

    /** Non-negative inputs with about a third exactly zero, like image pixels. */
    private static float[] sparseInputs(int rows, SplittableRandom random) {
        float[] values = new float[rows * INPUTS];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(3) == 0 ? 0f : (float) random.nextDouble();
        }
        return values;
    }

    private static Module tapeNetwork(int hidden, SplittableRandom random) {
        Shape shape = Shape.of(INPUTS);
        return hidden == 0 ? BuiltInNetworks.logisticRegression().create(shape, CLASSES, random)
                : BuiltInNetworks.mlp(hidden).create(shape, CLASSES, random);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void gradientEqualsTheTapeGradient(int hidden) {
        SplittableRandom data = new SplittableRandom(3);
        int rows = 9;
        float[] x = sparseInputs(rows, data);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = data.nextInt(CLASSES);
        }
        // A batch of rows 2..8 in a scrambled order, read by index as the learner does.
        int[] order = {0, 7, 3, 5, 2, 8, 4, 6, 1};
        int from = 2;
        int to = 9;

        Module tape = tapeNetwork(hidden, new SplittableRandom(11));
        DenseNetwork fused = DenseNetwork.initialized(INPUTS, hidden, CLASSES, new SplittableRandom(11));
        fused.lossGradient(x, labels, order, from, to);

        float[] batch = new float[(to - from) * INPUTS];
        int[] batchLabels = new int[to - from];
        for (int b = 0; b < to - from; b++) {
            System.arraycopy(x, order[from + b] * INPUTS, batch, b * INPUTS, INPUTS);
            batchLabels[b] = labels[order[from + b]];
        }
        Tape recorder = new Tape();
        Variable logits = tape.forward(recorder, recorder.constant(Tensor.wrapFloat32(Shape.of(to - from, INPUTS),
                batch)));
        Gradients gradients = recorder.backward(SoftmaxCrossEntropy.of(recorder, logits, batchLabels));

        List<Linear> layers = ((Sequential) tape).layers().stream()
                .filter(Linear.class::isInstance).map(Linear.class::cast).toList();
        for (int layer = 0; layer < layers.size(); layer++) {
            Linear linear = layers.get(layer);
            float[] weight = linear.weight().value().float32Data();
            float[] weightGradient = gradients.get(linear.weight().on(recorder)).float32Data();
            float[] biasGradient = gradients.get(linear.bias().on(recorder)).float32Data();
            for (int out = 0; out < linear.outFeatures(); out++) {
                for (int in = 0; in < linear.inFeatures(); in++) {
                    int k = out * linear.inFeatures() + in;
                    assertThat(fused.weight(fused.parameters(), layer, out, in)).isEqualTo(weight[k]);
                    assertThat(GRADIENT.test(fused.weight(fused.gradient(), layer, out, in), weightGradient[k]))
                            .as("layer %d weight gradient (%d, %d): fused %s, tape %s", layer, out, in,
                                    fused.weight(fused.gradient(), layer, out, in), weightGradient[k])
                            .isTrue();
                }
                assertThat(GRADIENT.test(fused.bias(fused.gradient(), layer, out), biasGradient[out]))
                        .as("layer %d bias gradient %d", layer, out).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void trainsTheSameModelAsTheTapeLearner(int hidden) {
        SplittableRandom random = new SplittableRandom(5);
        int rows = 50;
        float[] x = sparseInputs(rows, random);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            // Learnable labels: the class of the largest of the first four inputs.
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = x[i * INPUTS + c] > x[i * INPUTS + best] ? c : best;
            }
            labels[i] = best;
        }
        Dataset data = new Dataset(Tensor.wrapFloat32(Shape.of(rows, INPUTS), x), labels);
        BitSet subset = new BitSet();
        for (int i = 0; i < rows; i += 3) {
            subset.set(i);
            subset.set(i + 1);
        }
        // 17 members with batch 5: epochs end in a short batch, and 12 steps cross an epoch boundary.
        LearnerSettings settings = LearnerSettings.defaults().withSteps(12).withBatchSize(5);
        NetworkFactory factory = hidden == 0 ? BuiltInNetworks.logisticRegression() : BuiltInNetworks.mlp(hidden);
        Learner tape = new NetworkLearner("tape", factory, settings);
        Learner fused = new DenseNetworkLearner("fused", hidden, settings);

        Tensor probes = Tensor.wrapFloat32(Shape.of(rows, INPUTS), x);
        float[][] expected = tape.train(data, subset, CLASSES, 9).logits(probes);
        float[][] actual = fused.train(data, subset, CLASSES, 9).logits(probes);
        float[][] untrained = fused.train(data, new BitSet(), CLASSES, 9).logits(probes);
        Closeness logitClose = new Closeness(1e-4, 1e-3);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < CLASSES; c++) {
                assertThat(logitClose.test(actual[i][c], expected[i][c]))
                        .as("logit (%d, %d): fused %s, tape %s", i, c, actual[i][c], expected[i][c]).isTrue();
            }
        }
        // The comparison means something only if training moved the logits well beyond the tolerance.
        assertThat(Math.abs(actual[0][0] - untrained[0][0]) + Math.abs(actual[1][1] - untrained[1][1]))
                .isGreaterThan(0.01f);
    }
}
