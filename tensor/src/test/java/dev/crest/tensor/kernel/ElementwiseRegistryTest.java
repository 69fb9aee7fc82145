package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Broadcast;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ElementwiseRegistryTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    /** The ONNX operator version each kernel follows: the latest definition at or below opset 20. */
    private static final Map<String, Integer> VERSIONS = Map.ofEntries(
            Map.entry("Abs", 13), Map.entry("Neg", 13), Map.entry("Relu", 14), Map.entry("LeakyRelu", 16),
            Map.entry("PRelu", 16), Map.entry("Sigmoid", 13), Map.entry("Tanh", 13), Map.entry("Gelu", 20),
            Map.entry("Softmax", 13), Map.entry("Sin", 7), Map.entry("Cos", 7), Map.entry("Tan", 7),
            Map.entry("Asin", 7), Map.entry("Acos", 7), Map.entry("Atan", 7), Map.entry("Sqrt", 13),
            Map.entry("Exp", 13), Map.entry("Log", 13), Map.entry("Reciprocal", 13), Map.entry("Ceil", 13),
            Map.entry("Floor", 13), Map.entry("Round", 11), Map.entry("Clip", 13), Map.entry("Add", 14),
            Map.entry("Sub", 14), Map.entry("Mul", 14), Map.entry("Div", 14), Map.entry("Pow", 15),
            Map.entry("Max", 13), Map.entry("Min", 13), Map.entry("Equal", 19), Map.entry("Greater", 13),
            Map.entry("Less", 13), Map.entry("And", 7), Map.entry("Or", 7), Map.entry("Xor", 7),
            Map.entry("Not", 1), Map.entry("Where", 16), Map.entry("Cast", 19), Map.entry("Identity", 19));

    @Test
    void everyElementwiseOperatorIsRegisteredWithItsVersion() {
        VERSIONS.forEach((op, version) -> {
            assertThat(REGISTRY.find(op)).as(op).isPresent();
            assertThat(REGISTRY.get(op).sinceVersion()).as(op).isEqualTo(version);
            assertThat(version).isLessThanOrEqualTo(KernelRegistry.OPSET);
        });
    }

    /** The elements of {@code t} expanded to {@code out} by naive coordinate arithmetic, as float64. */
    private static double[] expand(Tensor t, Shape out) {
        double[] values = t.toDoubleArray();
        int[] dims = out.dims();
        double[] result = new double[out.size()];
        int offset = out.rank() - t.rank();
        for (int flat = 0; flat < result.length; flat++) {
            int rest = flat;
            int index = 0;
            int stride = 1;
            for (int axis = out.rank() - 1; axis >= offset; axis--) {
                int coordinate = rest % dims[axis];
                rest /= dims[axis];
                int inDim = t.shape().dim(axis - offset);
                index += (inDim == 1 ? 0 : coordinate) * stride;
                stride *= inDim;
            }
            result[flat] = values[index];
        }
        return result;
    }

    @Property(tries = 40)
    void binaryKernelsEqualTheirScalarFormulaOnExpandedOperands(@ForAll("operandPairs") List<Tensor> pair) {
        Tensor a = pair.get(0);
        Tensor b = pair.get(1);
        Shape out = Broadcast.shape(a.shape(), b.shape());
        double[] x = expand(a, out);
        double[] y = expand(b, out);
        Tensor sum = REGISTRY.run1("Add", Attributes.empty(), a, b);
        Tensor product = REGISTRY.run1("Mul", Attributes.empty(), a, b);
        Tensor greater = REGISTRY.run1("Greater", Attributes.empty(), a, b);
        Tensor max = REGISTRY.run1("Max", Attributes.empty(), a, b);
        assertThat(sum.shape()).isEqualTo(out);
        for (int i = 0; i < out.size(); i++) {
            assertThat(sum.getDouble(i)).isEqualTo((double) (float) (x[i] + y[i]));
            assertThat(product.getDouble(i)).isEqualTo((double) (float) (x[i] * y[i]));
            assertThat(greater.getBoolean(i)).isEqualTo(x[i] > y[i]);
            assertThat(max.getDouble(i)).isEqualTo(Math.max(x[i], y[i]));
        }
    }

    /** Two float32 tensors whose shapes broadcast: each axis of the output is 1–3, each input keeps or drops it. */
    @Provide
    Arbitrary<List<Tensor>> operandPairs() {
        Arbitrary<int[]> dims = Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(0).ofMaxSize(4);
        Arbitrary<Integer> masks = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> drops = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(dims, masks, drops, seeds).as((out, mask, drop, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            int[] aDims = new int[out.length];
            int[] bDims = new int[Math.max(0, out.length - drop)];
            for (int i = 0; i < out.length; i++) {
                aDims[i] = ((mask >>> i) & 1) != 0 ? 1 : out[i];
            }
            for (int i = 0; i < bDims.length; i++) {
                int axis = out.length - bDims.length + i;
                bDims[i] = ((mask >>> (4 + axis)) & 1) != 0 ? 1 : out[axis];
            }
            return List.of(random(Shape.of(aDims), random), random(Shape.of(bDims), random));
        });
    }

    private static Tensor random(Shape shape, SplittableRandom random) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(-8, 9) / 4.0;
        }
        return Tensor.fromDoubles(DType.FLOAT32, shape, values);
    }
}
