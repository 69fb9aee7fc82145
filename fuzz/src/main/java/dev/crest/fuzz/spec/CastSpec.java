package dev.crest.fuzz.spec;

import com.microsoft.z3.BoolExpr;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/** Cast: one signature per (source, target) pair of distinct dtypes; the target becomes the {@code to} attribute. */
public final class CastSpec extends AbstractOpSpec {
    private final List<Signature> signatures;

    public CastSpec(List<DType> dtypes) {
        super("Cast", OpFamily.CAST);
        List<Signature> pairs = new ArrayList<>();
        for (DType from : dtypes) {
            for (DType to : dtypes) {
                if (from != to) {
                    pairs.add(new Signature(List.of(from), List.of(to)));
                }
            }
        }
        this.signatures = List.copyOf(pairs);
    }

    @Override
    public int[] inputCounts() {
        return new int[] {1};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return signatures;
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return ranks.length == 1;
    }

    /** Cast-6 is the first with the integer {@code to} attribute. */
    @Override
    public int sinceOpset() {
        return 6;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(inputs.get(0).dims());
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.builder().put("to", (long) outputDType().onnxCode()).build(), 1);
            }
        };
    }
}
