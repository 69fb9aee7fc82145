package dev.crest.tensor.nn;

import static dev.crest.tensor.nn.GradientCheck.assertClose;
import static dev.crest.tensor.nn.GradientCheck.numericGradient;
import static dev.crest.tensor.nn.GradientCheck.randomTensor;
import static dev.crest.tensor.nn.GradientCheck.weightedSum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Gradients;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Conv2dTest {
    private static final Closeness TIGHT = new Closeness(1e-5, 1e-5);
    private static final Closeness NUMERIC = new Closeness(2e-3, 2e-3);

    /** Direct convolution in double, straight from the definition, as the forward oracle. */
    private static double[] directConvolution(Tensor x, Tensor w, Tensor b, int stride, int pad, int dilation) {
        int[] xd = x.shape().dims();
        int[] wd = w.shape().dims();
        int k = wd[2];
        int oh = (xd[2] + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
        int ow = (xd[3] + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
        double[] y = new double[xd[0] * wd[0] * oh * ow];
        int index = 0;
        for (int n = 0; n < xd[0]; n++) {
            for (int o = 0; o < wd[0]; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = b.getDouble(o);
                        for (int c = 0; c < xd[1]; c++) {
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int r = i * stride - pad + ki * dilation;
                                    int s = j * stride - pad + kj * dilation;
                                    if (r >= 0 && r < xd[2] && s >= 0 && s < xd[3]) {
                                        sum += x.getDouble(((n * xd[1] + c) * xd[2] + r) * xd[3] + s)
                                                * w.getDouble(((o * wd[1] + c) * k + ki) * k + kj);
                                    }
                                }
                            }
                        }
                        y[index++] = sum;
                    }
                }
            }
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"1,0,1", "2,1,1", "1,2,2", "2,1,2"})
    void forwardAndGradientsMatchDefinitionAndFiniteDifferences(int stride, int pad, int dilation) {
        SplittableRandom random = new SplittableRandom(stride * 100 + pad * 10 + dilation);
        Conv2d conv = new Conv2d(2, 3, 3, stride, pad, dilation, true, Initializer.kaimingUniform(), random);
        conv.bias().setValue(randomTensor(random, 3));
        Tensor x = randomTensor(random, 2, 2, 6, 7);

        Tape tape = new Tape();
        Variable input = tape.parameter(x);
        Variable y = conv.forward(tape, input);
        double[] expected = directConvolution(x, conv.weight().value(), conv.bias().value(), stride, pad, dilation);
        assertClose(y.value(), expected, TIGHT);

        Tensor r = randomTensor(random, y.value().shape().dims());
        Gradients gradients = tape.backward(y, r);
        // read the analytic gradients before the finite differences put the parameters on other tapes
        Tensor inputGradient = gradients.get(input);
        Tensor weightGradient = conv.weight().gradient(gradients);
        Tensor biasGradient = conv.bias().gradient(gradients);
        Tensor w0 = conv.weight().value();
        Tensor b0 = conv.bias().value();
        double[] dx = numericGradient(x.float32Data(), xs -> objective(conv, Tensor.wrapFloat32(x.shape(), xs), r), 0.05);
        double[] dw = numericGradient(w0.float32Data(), ws -> {
            conv.weight().setValue(Tensor.wrapFloat32(w0.shape(), ws));
            return objective(conv, x, r);
        }, 0.05);
        conv.weight().setValue(w0);
        double[] db = numericGradient(b0.float32Data(), bs -> {
            conv.bias().setValue(Tensor.wrapFloat32(b0.shape(), bs));
            return objective(conv, x, r);
        }, 0.05);
        conv.bias().setValue(b0);

        assertClose(inputGradient, dx, NUMERIC);
        assertClose(weightGradient, dw, NUMERIC);
        assertClose(biasGradient, db, NUMERIC);
    }

    private static double objective(Conv2d conv, Tensor x, Tensor r) {
        Tape tape = new Tape();
        return weightedSum(conv.forward(tape, tape.constant(x)).value(), r);
    }

    @Test
    void outputShapeFollowsTheFloorFormula() {
        Conv2d conv = new Conv2d(1, 4, 3, 2, 1, new SplittableRandom(5));
        Tape tape = new Tape();
        Tensor y = conv.forward(tape, tape.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 1, 28, 28)))).value();
        // (28 + 2 - 3) / 2 + 1 = 14
        assertThat(y.shape()).isEqualTo(Shape.of(2, 4, 14, 14));
    }

    @Test
    void rejectsWrongChannelCount() {
        Conv2d conv = new Conv2d(3, 4, 3, new SplittableRandom(5));
        Tape tape = new Tape();
        assertThatThrownBy(() -> conv.forward(tape, tape.constant(Tensor.zeros(DType.FLOAT32, Shape.of(1, 2, 5, 5)))))
                .isInstanceOf(TensorException.class).hasMessageContaining("3 input channels");
    }
}
