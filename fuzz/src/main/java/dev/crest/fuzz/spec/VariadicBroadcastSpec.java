package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An operator whose inputs all broadcast together, numpy-style, to one output (Max and Min with one to three
 * inputs, Where with its condition and two branches).
 */
public final class VariadicBroadcastSpec extends AbstractOpSpec {
    private final int[] inputCounts;
    private final IntFunction<List<Signature>> signatures;
    private final int sinceOpset;

    /** @param signatures the dtype combinations by input count */
    public VariadicBroadcastSpec(String opType, OpFamily family, int[] inputCounts,
            IntFunction<List<Signature>> signatures, int sinceOpset) {
        super(opType, family);
        this.inputCounts = inputCounts.clone();
        this.signatures = signatures;
        this.sinceOpset = sinceOpset;
    }

    @Override
    public int[] inputCounts() {
        return inputCounts.clone();
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return signatures.apply(inputCount);
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        int count = ranks.length;
        return Arrays.stream(inputCounts).anyMatch(c -> c == count);
    }

    @Override
    public int sinceOpset() {
        return sinceOpset;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        int count = inputRanks.length;
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                SymbolicType soFar = inputs.get(0);
                for (int i = 1; i < inputs.size(); i++) {
                    SymbolicType next = inputs.get(i);
                    for (int k = 1; k <= Math.min(soFar.rank(), next.rank()); k++) {
                        ArithExpr<IntSort> x = soFar.dim(-k);
                        ArithExpr<IntSort> y = next.dim(-k);
                        constraints.add(context.or(context.eq(x, y), context.eq(x, 1), context.eq(y, 1)));
                    }
                    soFar = new SymbolicType(next.dtype(), BroadcastBinarySpec.broadcast(context, soFar, next));
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                SymbolicType soFar = inputs.get(0);
                for (int i = 1; i < inputs.size(); i++) {
                    soFar = new SymbolicType(soFar.dtype(),
                            BroadcastBinarySpec.broadcast(context, soFar, inputs.get(i)));
                }
                return output(soFar.dims());
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.empty(), count);
            }
        };
    }
}
