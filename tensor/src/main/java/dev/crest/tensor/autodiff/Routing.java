package dev.crest.tensor.autodiff;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Backward passes of data-movement operators (Slice, Gather, Tile, Pad, nearest Resize, …) derived from their
 * own kernels: the operator is re-run on a float64 tensor holding each input element's flat index plus one, so
 * every output element names the input element it copied (0 for a fill value), and the output gradient is then
 * scatter-added through that map. No operator's indexing logic is repeated here.
 */
final class Routing {
    private Routing() {
    }

    /**
     * The gradient of data input {@code dataIndex}. {@code adjust} may replace other inputs of the re-run (e.g.
     * a constant fill value, which must become a float64 zero); it receives the inputs with the index tensor in
     * place.
     */
    static Tensor gradient(GradientContext c, int dataIndex, java.util.function.UnaryOperator<List<Tensor>> adjust) {
        Tensor data = c.input(dataIndex);
        Shape shape = data.shape();
        double[] ids = new double[shape.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < c.inputCount(); i++) {
            inputs.add(c.input(i));
        }
        inputs.set(dataIndex, Tensor.fromDoubles(DType.FLOAT64, shape, ids));
        List<Tensor> rerun = adjust.apply(inputs);
        Tensor routes = KernelRegistry.standard().run(c.opType(), rerun, c.attributes()).get(0);
        Tensor g = c.gradient();
        if (!routes.shape().equals(g.shape())) {
            throw new IllegalStateException(c.opType() + " routed to shape " + routes.shape() + " but its output has "
                    + g.shape());
        }
        double[] out = new double[shape.size()];
        for (int o = 0; o < routes.size(); o++) {
            long source = Math.round(routes.getDouble(o));
            if (source != 0) {
                out[(int) (source - 1)] += g.getDouble(o);
            }
        }
        return Tensor.fromDoubles(data.dtype(), shape, out);
    }

    static Tensor gradient(GradientContext c, int dataIndex) {
        return gradient(c, dataIndex, inputs -> inputs);
    }
}
