package dev.crest.fuzz.testing;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.BackendProvider;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.Kernel;
import java.util.Arrays;
import java.util.List;

/**
 * Backends for the float16 accumulation overflow rule: Crest's interpreter with float16 {@code ReduceSum},
 * {@code ReduceMean} and {@code ReduceProd} changed. Registered through {@link java.util.ServiceLoader} from the test
 * class path.
 */
public final class Float16AccumulatingBackends implements BackendProvider {
    /**
     * Accumulates float16 reductions in float16, in storage order, rounding every partial sum or product (a mean
     * divides the float16 sum): a conforming engine whose accumulator overflows when a partial result passes 65504.
     */
    public static final String ACCUMULATOR = "test-float16-accumulator";
    /** Gives +∞ for every element of every float16 ReduceSum and ReduceMean: wrong whatever the inputs. */
    public static final String REDUCE_INFINITY = "test-float16-reduce-infinity";

    @Override
    public List<String> names() {
        return List.of(ACCUMULATOR, REDUCE_INFINITY);
    }

    @Override
    public Backend create(String name) {
        switch (name) {
            case ACCUMULATOR:
                return new ChangedReductions(name, false);
            case REDUCE_INFINITY:
                return new ChangedReductions(name, true);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** The reference interpreter with the float16 reduction kernels replaced. */
    private static final class ChangedReductions extends ReplacedKernelsBackend {
        ChangedReductions(String name, boolean infinity) {
            super(name, (op, kernel) -> op.equals("ReduceSum") || op.equals("ReduceMean")
                    || (op.equals("ReduceProd") && !infinity) ? (infinity ? infinite(kernel) : inFloat16(op, kernel))
                    : kernel);
        }

        private static Kernel infinite(Kernel right) {
            return (inputs, attributes) -> {
                Tensor exact = right.apply(inputs, attributes).get(0);
                if (exact.dtype() != DType.FLOAT16) {
                    return List.of(exact);
                }
                return List.of(Tensor.full(DType.FLOAT16, exact.shape(), Double.POSITIVE_INFINITY));
            };
        }

        private static Kernel inFloat16(String op, Kernel right) {
            return (inputs, attributes) -> {
                Tensor exact = right.apply(inputs, attributes).get(0);
                Tensor data = inputs.get(0);
                if (data.dtype() != DType.FLOAT16) {
                    return List.of(exact);
                }
                boolean[] reduced = reducedAxes(data.rank(), inputs, attributes);
                if (reduced == null) {
                    return List.of(exact);
                }
                return List.of(Tensor.fromDoubles(DType.FLOAT16, exact.shape(), accumulate(op, data, reduced,
                        exact.size())));
            };
        }

        /** The reduced axes, or null when the reduction is the identity ({@code noop_with_empty_axes}). */
        private static boolean[] reducedAxes(int rank, List<Tensor> inputs, Attributes attributes) {
            long[] axes = inputs.size() > 1 && inputs.get(1) != null ? inputs.get(1).toLongArray()
                    : attributes.has("axes") ? attributes.getLongs("axes") : new long[0];
            boolean[] reduced = new boolean[rank];
            if (axes.length == 0) {
                if (attributes.getLong("noop_with_empty_axes", 0) == 1) {
                    return null;
                }
                Arrays.fill(reduced, true);
            }
            for (long axis : axes) {
                reduced[(int) (axis < 0 ? axis + rank : axis)] = true;
            }
            return reduced;
        }

        private static double[] accumulate(String op, Tensor data, boolean[] reduced, int outputs) {
            boolean product = op.equals("ReduceProd");
            double[] acc = new double[outputs];
            Arrays.fill(acc, product ? 1 : 0);
            int[] dims = data.shape().dims();
            int[] coordinate = new int[dims.length];
            for (int i = 0; i < data.size(); i++) {
                int rest = i;
                for (int d = dims.length - 1; d >= 0; d--) {
                    coordinate[d] = rest % dims[d];
                    rest /= dims[d];
                }
                int o = 0;
                for (int d = 0; d < dims.length; d++) {
                    if (!reduced[d]) {
                        o = o * dims[d] + coordinate[d];
                    }
                }
                double x = data.getDouble(i);
                acc[o] = Float16.round(product ? acc[o] * x : acc[o] + x);
            }
            if (op.equals("ReduceMean")) {
                int count = data.size() / Math.max(outputs, 1);
                for (int o = 0; o < outputs; o++) {
                    acc[o] = Float16.round(acc[o] / count);
                }
            }
            return acc;
        }
    }
}
