package dev.crest.fuzz.spec;

import com.microsoft.z3.BoolExpr;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * Clip: the input's shape; its bounds are drawn at instantiation and passed as scalar constant inputs (the
 * opset-11+ form), each bound omitted now and then.
 */
public final class ClipSpec extends SingleInputSpec {

    public ClipSpec(List<DType> dtypes) {
        super("Clip", OpFamily.ACTIVATION, dtypes, 0, Integer.MAX_VALUE);
    }

    /** Bounds as inputs exist from 11; integer types from 12. */
    @Override
    public int sinceOpset() {
        return 12;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        // Bounds around the input search's initial range [3, 7] so that clipping actually happens.
        boolean hasMin = random.nextInt(4) != 0;
        boolean hasMax = !hasMin || random.nextInt(4) != 0;
        double min = random.nextInt(0, 6) + (signature.inputs().get(0).isFloat() ? random.nextDouble() : 0);
        double max = min + random.nextInt(0, 5) + (signature.inputs().get(0).isFloat() ? random.nextDouble() : 0);
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
                DType dtype = signature().inputs().get(0);
                List<InputSlot> slots = new ArrayList<>();
                slots.add(new InputSlot.Data(0));
                slots.add(hasMin ? ConstantInputs.scalar(dtype, min) : new InputSlot.Omitted());
                if (hasMax) {
                    slots.add(ConstantInputs.scalar(dtype, max));
                }
                return new Lowering(Attributes.empty(), slots);
            }
        };
    }
}
