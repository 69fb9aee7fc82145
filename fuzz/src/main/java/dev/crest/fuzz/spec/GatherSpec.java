package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gather along a drawn axis with constant int64 indices of drawn rank (0 to 2) and symbolic dims; the index
 * values are drawn in lowering, within {@code [-dim, dim)} of the solved axis, from a seed fixed at
 * instantiation. Output: {@code data[:axis] + indices + data[axis+1:]}.
 */
public final class GatherSpec extends SingleInputSpec {
    private static final int MAX_RANK = 5;

    public GatherSpec(List<DType> dtypes) {
        super("Gather", OpFamily.INDEXING, dtypes, 1, Integer.MAX_VALUE);
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        SplittableRandom random = context.random();
        int rank = inputRanks[0];
        int axis = random.nextInt(rank);
        long spelledAxis = AxisChoices.spell(random, axis, rank, context.opset());
        int indexRank = random.nextInt(Math.min(2, MAX_RANK - rank + 1) + 1);
        long seed = random.nextLong();
        boolean negativeIndices = context.opset() >= 11;
        return new AbstractOpInstance(this, context, signature) {
            private final List<ArithExpr<IntSort>> indexDims = new ArrayList<>();
            private ArithExpr<IntSort> axisDim;

            {
                for (int i = 0; i < indexRank; i++) {
                    indexDims.add(attribute("index" + i));
                }
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                axisDim = inputs.get(0).dim(axis);
                return indexDims.stream().map(d -> context.ge(d, 1)).toList();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> data = inputs.get(0).dims();
                List<ArithExpr<IntSort>> dims = new ArrayList<>(data.subList(0, axis));
                dims.addAll(indexDims);
                dims.addAll(data.subList(axis + 1, data.size()));
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                if (axisDim == null) {
                    throw new IllegalStateException("Gather lowered before its constraints were built");
                }
                long dim = valuation.valueOf(axisDim);
                Shape shape = Shape.of(valuation.valuesOf(indexDims));
                SplittableRandom values = new SplittableRandom(seed);
                long[] indices = new long[shape.size()];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = values.nextLong(negativeIndices ? -dim : 0, dim);
                }
                InputSlot constant = new InputSlot.Constant(Tensor.fromLongs(DType.INT64, shape, indices));
                return new Lowering(Attributes.builder().put("axis", spelledAxis).build(),
                        List.of(new InputSlot.Data(0), constant));
            }
        };
    }
}
