package dev.crest.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.assertj.core.data.Offset;

/**
 * The float32 training recipe the layers build on, spelled out: forward {@code Y = W·im2col(X)}, weight
 * gradient {@code dW = dY·colᵀ} and input gradient {@code dX = col2im(Wᵀ·dY)}, checked against the Conv
 * kernel and, since {@code Y} is bilinear in {@code (W, X)}, against {@code ⟨dY, Y⟩ = ⟨dW, W⟩ = ⟨dX, X⟩}.
 */
class ConvByGemmTest {

    @Property(tries = 30)
    void forwardAndBackwardThroughSgemm(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int channels = random.nextInt(1, 4);
        int filters = random.nextInt(1, 4);
        int[] in = {random.nextInt(3, 7), random.nextInt(3, 7)};
        int[] kernel = {random.nextInt(1, 4), random.nextInt(1, 4)};
        int[] strides = {random.nextInt(1, 3), random.nextInt(1, 3)};
        int[] pads = {random.nextInt(0, 2), random.nextInt(0, 2)};
        ConvGeometry g = ConvGeometry.of(channels, in, kernel, strides, pads, pads, new int[] {1, 1});
        int rows = g.columnRows();
        int positions = g.columnCols();
        float[] x = randomFloats(random, g.imageSize());
        float[] w = randomFloats(random, filters * rows);

        float[] col = new float[g.columnSize()];
        Im2Col.im2col(x, 0, g, col, 0);
        float[] y = new float[filters * positions];
        Blas.sgemm(false, false, filters, positions, rows, 1f, w, 0, rows, col, 0, positions, 0f, y, 0, positions);

        Tensor expected = KernelRegistry.standard().run1("Conv",
                Attributes.builder().put("strides", strides).put("pads", pads[0], pads[1], pads[0], pads[1]).build(),
                Tensor.ofFloats(Shape.of(1, channels, in[0], in[1]), x),
                Tensor.ofFloats(Shape.of(filters, channels, kernel[0], kernel[1]), w));
        for (int i = 0; i < y.length; i++) {
            assertThat((double) y[i]).isCloseTo(expected.getDouble(i), Offset.offset(1e-4));
        }

        float[] dy = randomFloats(random, y.length);
        // dW = dY (filters × P) · colᵀ (P × rows)
        float[] dw = new float[w.length];
        Blas.sgemm(false, true, filters, rows, positions, 1f, dy, 0, positions, col, 0, positions, 0f, dw, 0, rows);
        // dcol = Wᵀ (rows × filters) · dY (filters × P); dX = col2im(dcol)
        float[] dcol = new float[col.length];
        Blas.sgemm(true, false, rows, positions, filters, 1f, w, 0, rows, dy, 0, positions, 0f, dcol, 0, positions);
        float[] dx = new float[x.length];
        Im2Col.col2im(dcol, 0, g, dx, 0);

        // Y is bilinear in (W, X): ⟨dY, Y⟩ = ⟨dW, W⟩ = ⟨dX, X⟩.
        double output = dot(dy, y);
        assertThat(dot(dw, w)).isCloseTo(output, Offset.offset(1e-3 * (1 + Math.abs(output))));
        assertThat(dot(dx, x)).isCloseTo(output, Offset.offset(1e-3 * (1 + Math.abs(output))));
    }

    private static float[] randomFloats(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
