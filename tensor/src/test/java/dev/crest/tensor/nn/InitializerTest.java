package dev.crest.tensor.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InitializerTest {
    private static final Shape SHAPE = Shape.of(200, 50);

    /** Checks the values lie in [−bound, bound] with the variance bound²/3 of a uniform distribution. */
    private static void assertUniform(Tensor t, double bound) {
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.shape()).isEqualTo(SHAPE);
        double sum = 0;
        double squares = 0;
        for (float v : t.float32Data()) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
            sum += v;
            squares += (double) v * v;
        }
        int n = t.size();
        double variance = squares / n - (sum / n) * (sum / n);
        // 10,000 draws estimate the variance to within about 1.1% (one standard error); allow 5%
        assertThat(variance).isBetween(0.95 * bound * bound / 3, 1.05 * bound * bound / 3);
        assertThat(Math.abs(sum / n)).isLessThan(0.05 * bound);
    }

    @Test
    void kaimingUniformUsesFanIn() {
        assertUniform(Initializer.kaimingUniform().initialize(SHAPE, 50, 200, 1L), Math.sqrt(6.0 / 50));
    }

    @Test
    void xavierUniformUsesFanInAndFanOut() {
        assertUniform(Initializer.xavierUniform().initialize(SHAPE, 50, 200, 2L), Math.sqrt(6.0 / 250));
    }

    @Test
    void fanInUniformMatchesPyTorchDefault() {
        assertUniform(Initializer.fanInUniform().initialize(SHAPE, 50, 200, 3L), 1 / Math.sqrt(50));
    }

    @Test
    void sameSeedSameValues() {
        Tensor a = Initializer.kaimingUniform().initialize(SHAPE, 50, 200, 4L);
        Tensor b = Initializer.kaimingUniform().initialize(SHAPE, 50, 200, 4L);
        assertThat(a.sameAs(b)).isTrue();
        assertThat(Initializer.zeros().initialize(SHAPE, 50, 200, 4L).float32Data()).containsOnly(0f);
    }
}
