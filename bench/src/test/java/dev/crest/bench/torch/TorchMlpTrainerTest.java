package dev.crest.bench.torch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.bench.mlp.EpochResult;
import dev.crest.bench.mlp.LabelledImages;
import dev.crest.bench.mlp.MlpConfig;
import dev.crest.bench.mlp.MlpWeights;
import dev.crest.tensor.Closeness;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TorchMlpTrainerTest {
    private static final int INPUTS = 5;
    private static final int HIDDEN = 4;
    private static final int CLASSES = 3;

    @Test
    void oneEpochMatchesAPlainSgdMomentumReference() {
        // 7 examples in a shuffled order, in batches of 3: two full batches and a last one of 1.
        MlpConfig config = new MlpConfig(INPUTS, HIDDEN, CLASSES, 3, 0.1f, 0.9f, 7, 3L);
        MlpWeights weights = MlpWeights.initial(config);
        SplittableRandom random = new SplittableRandom(11);
        float[] pixels = new float[7 * INPUTS];
        int[] labels = new int[7];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        LabelledImages data = new LabelledImages(pixels, labels, INPUTS);

        int[] order = {4, 0, 6, 2, 5, 1, 3};
        ReferenceMlp reference = new ReferenceMlp(weights, config);
        double referenceLossSum = 0;
        for (int from = 0; from < 7; from += 3) {
            int size = Math.min(3, 7 - from);
            referenceLossSum += reference.step(pixels, labels, order, from, size) * size;
        }

        try (TorchMlpTrainer trainer = new TorchMlpTrainer(TorchRuntime.load(1), config, weights, data,
                epoch -> order)) {
            EpochResult result = trainer.trainEpoch(0);
            Closeness closeness = new Closeness(1e-5, 1e-4);
            assertThat(closeness.test(result.meanLoss(), referenceLossSum / 7)).as("mean loss").isTrue();
            float[][] actual = trainer.parameterValues();
            double[][] expected = reference.parameters();
            for (int p = 0; p < expected.length; p++) {
                for (int i = 0; i < expected[p].length; i++) {
                    assertThat(closeness.test(actual[p][i], expected[p][i]))
                            .as("parameter %d element %d: %s vs %s", p, i, actual[p][i], expected[p][i]).isTrue();
                }
            }
        }
    }

    /** Forward, backward and SGD-momentum step of the MLP written out by hand in float64. */
    private static final class ReferenceMlp {
        private final double[][] params;
        private final double[][] velocity;
        private final double lr;
        private final double momentum;

        ReferenceMlp(MlpWeights weights, MlpConfig config) {
            params = new double[][] {
                toDoubles(weights.hiddenWeight()), toDoubles(weights.hiddenBias()),
                toDoubles(weights.outputWeight()), toDoubles(weights.outputBias()),
            };
            velocity = new double[4][];
            for (int p = 0; p < 4; p++) {
                velocity[p] = new double[params[p].length];
            }
            lr = config.learningRate();
            momentum = config.momentum();
        }

        double step(float[] pixels, int[] labels, int[] order, int from, int size) {
            double[] w1 = params[0], b1 = params[1], w2 = params[2], b2 = params[3];
            double[][] grads = {new double[w1.length], new double[b1.length], new double[w2.length],
                new double[b2.length]};
            double loss = 0;
            for (int e = 0; e < size; e++) {
                double[] x = new double[INPUTS];
                for (int i = 0; i < INPUTS; i++) {
                    x[i] = pixels[order[from + e] * INPUTS + i];
                }
                double[] h = new double[HIDDEN];
                for (int j = 0; j < HIDDEN; j++) {
                    double s = b1[j];
                    for (int i = 0; i < INPUTS; i++) {
                        s += x[i] * w1[i * HIDDEN + j];
                    }
                    h[j] = Math.max(0, s);
                }
                double[] z = new double[CLASSES];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < CLASSES; k++) {
                    double s = b2[k];
                    for (int j = 0; j < HIDDEN; j++) {
                        s += h[j] * w2[j * CLASSES + k];
                    }
                    z[k] = s;
                    max = Math.max(max, s);
                }
                double norm = 0;
                for (int k = 0; k < CLASSES; k++) {
                    norm += Math.exp(z[k] - max);
                }
                int label = labels[order[from + e]];
                loss += -(z[label] - max - Math.log(norm)) / size;
                // d(mean loss)/dz = (softmax - onehot) / size
                double[] dz = new double[CLASSES];
                for (int k = 0; k < CLASSES; k++) {
                    dz[k] = (Math.exp(z[k] - max) / norm - (k == label ? 1 : 0)) / size;
                    grads[3][k] += dz[k];
                }
                for (int j = 0; j < HIDDEN; j++) {
                    double dh = 0;
                    for (int k = 0; k < CLASSES; k++) {
                        grads[2][j * CLASSES + k] += h[j] * dz[k];
                        dh += w2[j * CLASSES + k] * dz[k];
                    }
                    if (h[j] <= 0) {
                        continue;
                    }
                    grads[1][j] += dh;
                    for (int i = 0; i < INPUTS; i++) {
                        grads[0][i * HIDDEN + j] += x[i] * dh;
                    }
                }
            }
            for (int p = 0; p < 4; p++) {
                for (int i = 0; i < params[p].length; i++) {
                    velocity[p][i] = momentum * velocity[p][i] + grads[p][i];
                    params[p][i] -= lr * velocity[p][i];
                }
            }
            return loss;
        }

        double[][] parameters() {
            return params;
        }

        private static double[] toDoubles(float[] values) {
            double[] d = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                d[i] = values[i];
            }
            return d;
        }
    }
}
