package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/** Tile: one repeat count symbol (at least 1) per axis; output dim {@code i} is {@code dim_i · repeats_i}. */
public final class TileSpec extends SingleInputSpec {

    public TileSpec(List<DType> dtypes) {
        super("Tile", OpFamily.SHAPE, dtypes, 1, Integer.MAX_VALUE);
    }

    /** Tile-6 is the first with a single {@code repeats} input. */
    @Override
    public int sinceOpset() {
        return 6;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        return new AbstractOpInstance(this, context, signature) {
            private final List<ArithExpr<IntSort>> repeats = new ArrayList<>();

            {
                for (int i = 0; i < inputRanks[0]; i++) {
                    repeats.add(attribute("repeat" + i));
                }
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return repeats.stream().map(r -> context.ge(r, 1)).toList();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>();
                for (int i = 0; i < repeats.size(); i++) {
                    dims.add(context.mul(inputs.get(0).dim(i), repeats.get(i)));
                }
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return new Lowering(Attributes.empty(),
                        List.of(new InputSlot.Data(0), ConstantInputs.int64s(valuation.valuesOf(repeats))));
            }
        };
    }
}
