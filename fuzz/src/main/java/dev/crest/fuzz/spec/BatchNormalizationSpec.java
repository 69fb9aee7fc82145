package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * BatchNormalization in inference mode: X (N, C, ...) and the per-channel scale and bias are data inputs; the
 * running mean and variance are constants drawn in lowering (variance positive, so no NaN), which keeps the
 * operator out of the domain-limited set. The output has X's shape.
 */
public final class BatchNormalizationSpec extends AbstractOpSpec {
    private final List<DType> dtypes;

    public BatchNormalizationSpec(List<DType> dtypes) {
        super("BatchNormalization", OpFamily.NORMALIZATION);
        this.dtypes = List.copyOf(dtypes);
    }

    @Override
    public int[] inputCounts() {
        return new int[] {3};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return dtypes.stream().map(d -> Signature.uniform(d, 3, 1)).toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return ranks.length == 3 && ranks[0] >= 2 && ranks[1] == 1 && ranks[2] == 1;
    }

    /** BatchNormalization-9 dropped {@code spatial}. */
    @Override
    public int sinceOpset() {
        return 9;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        long seed = context.random().nextLong();
        double epsilon = context.random().nextBoolean() ? 1e-5 : 1e-3;
        return new AbstractOpInstance(this, context, signature) {
            private ArithExpr<IntSort> channels;

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                channels = inputs.get(0).dim(1);
                return List.of(context.eq(inputs.get(1).dim(0), channels), context.eq(inputs.get(2).dim(0), channels));
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(inputs.get(0).dims());
            }

            @Override
            public Lowering lower(Valuation valuation) {
                if (channels == null) {
                    throw new IllegalStateException("BatchNormalization lowered before its constraints were built");
                }
                int c = Math.toIntExact(valuation.valueOf(channels));
                SplittableRandom random = new SplittableRandom(seed);
                double[] mean = new double[c];
                double[] variance = new double[c];
                for (int i = 0; i < c; i++) {
                    mean[i] = random.nextDouble(-1, 1);
                    variance[i] = random.nextDouble(0.5, 2);
                }
                DType dtype = outputDType();
                return new Lowering(Attributes.builder().put("epsilon", epsilon).build(), List.of(
                        new InputSlot.Data(0), new InputSlot.Data(1), new InputSlot.Data(2),
                        new InputSlot.Constant(Tensor.fromDoubles(dtype, Shape.of(c), mean)),
                        new InputSlot.Constant(Tensor.fromDoubles(dtype, Shape.of(c), variance))));
            }
        };
    }
}
