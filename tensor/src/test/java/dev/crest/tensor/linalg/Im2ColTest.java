package dev.crest.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.TensorException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class Im2ColTest {

    @Test
    void unfoldsAPaddedOneDimensionalSignal() {
        // x = [1 2 3], kernel 2, pad 1 both sides, stride 2: padded [0 1 2 3 0] -> windows at 0 and 2.
        ConvGeometry g = ConvGeometry.of(1, new int[] {3}, new int[] {2}, new int[] {2}, new int[] {1},
                new int[] {1}, new int[] {1});
        assertThat(g.outputDims()).containsExactly(2);
        double[] col = new double[g.columnSize()];
        Im2Col.im2col(new double[] {1, 2, 3}, 0, g, col, 0);
        // row j=0: padded[0], padded[2] = 0, 2; row j=1: padded[1], padded[3] = 1, 3
        assertThat(col).containsExactly(0, 2, 1, 3);
    }

    @Test
    void unfoldsATwoDimensionalImageWithDilation() {
        // 3x3 image 1..9, kernel 2x2, dilation 2 -> one window of the four corners.
        ConvGeometry g = ConvGeometry.of(1, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1},
                new int[] {0, 0}, new int[] {0, 0}, new int[] {2, 2});
        assertThat(g.outputDims()).containsExactly(1, 1);
        float[] col = new float[g.columnSize()];
        Im2Col.im2col(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, g, col, 0);
        assertThat(col).containsExactly(1, 3, 7, 9);
    }

    @Test
    void col2imAccumulatesOverlappingWindows() {
        // 1-D, 3 inputs, kernel 2, stride 1: input 1 is covered twice.
        ConvGeometry g = ConvGeometry.of(1, new int[] {3}, new int[] {2}, new int[] {1}, new int[] {0},
                new int[] {0}, new int[] {1});
        double[] image = new double[3];
        Im2Col.col2im(new double[] {1, 1, 1, 1}, 0, g, image, 0);
        assertThat(image).containsExactly(1, 2, 1);
    }

    @Test
    void rejectsKernelLargerThanPaddedInput() {
        assertThatThrownBy(() -> ConvGeometry.of(1, new int[] {2, 2}, new int[] {3, 1}, new int[] {1, 1},
                new int[] {0, 0}, new int[] {0, 0}, new int[] {1, 1}))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("larger than the padded input 2");
        assertThatThrownBy(() -> ConvGeometry.of(1, new int[] {4}, new int[] {2}, new int[] {0}, new int[] {0},
                new int[] {0}, new int[] {1}))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("strides must be at least 1");
    }

    /** Reads x at an N-d input coordinate of channel c, or 0 outside the input. */
    private static double at(double[] x, int c, int[] in, int[] coordinate) {
        int flat = c;
        for (int d = 0; d < in.length; d++) {
            if (coordinate[d] < 0 || coordinate[d] >= in[d]) {
                return 0;
            }
            flat = flat * in[d] + coordinate[d];
        }
        return x[flat];
    }

    @Property(tries = 80)
    void matchesDirectDefinitionAndIsAdjointOfCol2im(@ForAll @IntRange(min = 1, max = 3) int rank,
            @ForAll @IntRange(min = 1, max = 3) int channels, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] in = new int[rank];
        int[] k = new int[rank];
        int[] s = new int[rank];
        int[] pb = new int[rank];
        int[] pe = new int[rank];
        int[] dil = new int[rank];
        for (int d = 0; d < rank; d++) {
            in[d] = random.nextInt(1, rank == 3 ? 5 : 7);
            dil[d] = random.nextInt(1, 3);
            pb[d] = random.nextInt(0, 3);
            pe[d] = random.nextInt(0, 3);
            s[d] = random.nextInt(1, 4);
            int maxKernel = (in[d] + pb[d] + pe[d] - 1) / dil[d] + 1;
            k[d] = random.nextInt(1, Math.min(maxKernel, 4) + 1);
        }
        ConvGeometry g = ConvGeometry.of(channels, in, k, s, pb, pe, dil);
        int[] out = g.outputDims();
        double[] x = new double[g.imageSize() + 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        double[] col = new double[g.columnSize() + 1];
        Im2Col.im2col(x, 1, g, col, 1);

        // Direct definition entry by entry.
        double[] image = java.util.Arrays.copyOfRange(x, 1, 1 + g.imageSize());
        int kSize = g.kernelSize();
        int p = g.outputSpatialSize();
        for (int c = 0; c < channels; c++) {
            for (int kj = 0; kj < kSize; kj++) {
                int[] kIndex = unflatten(kj, k);
                for (int pj = 0; pj < p; pj++) {
                    int[] oIndex = unflatten(pj, out);
                    int[] coordinate = new int[rank];
                    for (int d = 0; d < rank; d++) {
                        coordinate[d] = oIndex[d] * s[d] - pb[d] + kIndex[d] * dil[d];
                    }
                    assertThat(col[1 + (c * kSize + kj) * p + pj]).isEqualTo(at(image, c, in, coordinate));
                }
            }
        }

        // Adjointness: <im2col(x), y> = <x, col2im(y)>.
        double[] y = new double[g.columnSize()];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextDouble(-1, 1);
        }
        double left = 0;
        for (int i = 0; i < y.length; i++) {
            left += col[1 + i] * y[i];
        }
        double[] folded = new double[g.imageSize()];
        Im2Col.col2im(y, 0, g, folded, 0);
        double right = 0;
        for (int i = 0; i < folded.length; i++) {
            right += image[i] * folded[i];
        }
        assertThat(left).isCloseTo(right, Offset.offset(1e-9));

        // The float versions agree with the double ones up to float rounding.
        float[] xf = new float[image.length];
        for (int i = 0; i < xf.length; i++) {
            xf[i] = (float) image[i];
        }
        float[] colf = new float[g.columnSize()];
        Im2Col.im2col(xf, 0, g, colf, 0);
        for (int i = 0; i < colf.length; i++) {
            assertThat((double) colf[i]).isEqualTo((double) (float) col[1 + i]);
        }
        float[] yf = new float[y.length];
        for (int i = 0; i < yf.length; i++) {
            yf[i] = (float) y[i];
        }
        float[] foldedf = new float[g.imageSize()];
        Im2Col.col2im(yf, 0, g, foldedf, 0);
        for (int i = 0; i < foldedf.length; i++) {
            assertThat((double) foldedf[i]).isCloseTo(folded[i], Offset.offset(1e-5));
        }
    }

    private static int[] unflatten(int flat, int[] dims) {
        int[] index = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            index[d] = flat % dims[d];
            flat /= dims[d];
        }
        return index;
    }
}
