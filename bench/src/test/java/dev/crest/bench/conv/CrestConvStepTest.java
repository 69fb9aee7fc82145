package dev.crest.bench.conv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.bench.torch.TorchConvStep;
import dev.crest.bench.torch.TorchRuntime;
import dev.crest.tensor.Closeness;
import org.junit.jupiter.api.Test;

/** Both sides of the conv benchmark must compute the same thing, or their times are not comparable. */
class CrestConvStepTest {
    @Test
    void crestAndTorchAgreeOnOutputAndGradients() {
        ConvCase conv = new ConvCase(2, 3, 6, 5, 4, 3, 1, 5L);
        CrestConvStep crest = new CrestConvStep(conv);
        float[] crestOutput = crest.forwardBackward().float32Data();
        try (TorchConvStep torch = new TorchConvStep(TorchRuntime.load(1), conv.input(), conv.inputShape(),
                conv.weight(), conv.weightShape(), conv.bias(), conv.padding())) {
            torch.forwardBackward();
            assertClose(crestOutput, torch.forward());
            assertClose(crest.weightGradient().float32Data(), torch.weightGradient());
            assertClose(crest.biasGradient().float32Data(), torch.biasGradient());
            assertClose(crest.inputGradient().float32Data(), torch.inputGradient());
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        Closeness closeness = new Closeness(1e-5, 1e-4);
        for (int i = 0; i < expected.length; i++) {
            assertThat(closeness.test(actual[i], expected[i])).as("element %d: %s vs %s", i, actual[i], expected[i])
                    .isTrue();
        }
    }
}
