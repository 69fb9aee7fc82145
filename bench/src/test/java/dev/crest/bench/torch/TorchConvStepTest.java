package dev.crest.bench.torch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Closeness;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TorchConvStepTest {
    private static TorchRuntime runtime;

    @BeforeAll
    static void loadTorch() {
        runtime = TorchRuntime.load(1);
    }

    @Test
    void runsOfflineOnTheRequestedThreads() {
        assertThat(runtime.engine().getEngineName()).isEqualTo("PyTorch");
        assertThat(runtime.reportedThreads()).isEqualTo(1);
    }

    @Test
    void outputAndGradientsOfSumLossMatchDirectSums() {
        int n = 2, c = 2, h = 4, w = 3, oc = 3, k = 3, pad = 1;
        SplittableRandom random = new SplittableRandom(7);
        float[] x = randomArray(random, n * c * h * w);
        float[] weight = randomArray(random, oc * c * k * k);
        float[] bias = randomArray(random, oc);
        double[] expectedOutput = new double[n * oc * h * w];
        double[] expectedWeightGrad = new double[weight.length];
        double[] expectedInputGrad = new double[x.length];
        // With loss = sum(y) every output has upstream gradient 1, so dW and dX are sums of the taps that touch them.
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < oc; o++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        double y = bias[o];
                        for (int ci = 0; ci < c; ci++) {
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int r = i + ki - pad;
                                    int s = j + kj - pad;
                                    if (r < 0 || r >= h || s < 0 || s >= w) {
                                        continue;
                                    }
                                    int xi = ((b * c + ci) * h + r) * w + s;
                                    int wi = ((o * c + ci) * k + ki) * k + kj;
                                    y += x[xi] * weight[wi];
                                    expectedWeightGrad[wi] += x[xi];
                                    expectedInputGrad[xi] += weight[wi];
                                }
                            }
                        }
                        expectedOutput[((b * oc + o) * h + i) * w + j] = y;
                    }
                }
            }
        }
        try (TorchConvStep step = new TorchConvStep(runtime, x, new long[] {n, c, h, w}, weight,
                new long[] {oc, c, k, k}, bias, pad)) {
            step.forwardBackward();
            step.forwardBackward(); // a second step must not accumulate gradients
            assertClose(step.forward(), expectedOutput);
            assertClose(step.weightGradient(), expectedWeightGrad);
            assertClose(step.inputGradient(), expectedInputGrad);
            assertThat(step.biasGradient()).containsExactly((float) (n * h * w), (float) (n * h * w),
                    (float) (n * h * w));
        }
    }

    private static float[] randomArray(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    private static void assertClose(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        Closeness closeness = new Closeness(1e-4, 1e-4);
        for (int i = 0; i < expected.length; i++) {
            assertThat(closeness.test(actual[i], expected[i])).as("element %d: %s vs %s", i, actual[i], expected[i])
                    .isTrue();
        }
    }
}
