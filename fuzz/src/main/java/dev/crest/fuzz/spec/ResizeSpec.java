package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Resize to symbolic output sizes given in the {@code sizes} input. The mode is drawn: nearest on any rank and
 * dtype; linear and cubic only on 4-D float input, resizing the two spatial axes (the form ONNX Runtime's CPU
 * kernel implements). Coordinate transformation and nearest rounding modes are drawn; antialias (opset 18) is
 * not used. From opset 13 the unused {@code roi} and {@code scales} are omitted; 11 and 12 need them as empty
 * tensors.
 */
public final class ResizeSpec extends SingleInputSpec {
    private static final List<String> TRANSFORMS =
            List.of("half_pixel", "asymmetric", "align_corners", "pytorch_half_pixel");
    private static final List<String> NEAREST_MODES =
            List.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil");

    public ResizeSpec(List<DType> dtypes) {
        super("Resize", OpFamily.INTERPOLATION, dtypes, 1, Integer.MAX_VALUE);
    }

    @Override
    public int sinceOpset() {
        return 11;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        SplittableRandom random = context.random();
        int rank = inputRanks[0];
        boolean interpolating = rank == 4 && signature.inputs().get(0).isFloat() && random.nextBoolean();
        String mode = interpolating ? (random.nextBoolean() ? "linear" : "cubic") : "nearest";
        String transform = TRANSFORMS.get(random.nextInt(TRANSFORMS.size()));
        String nearestMode = NEAREST_MODES.get(random.nextInt(NEAREST_MODES.size()));
        int opset = context.opset();
        return new AbstractOpInstance(this, context, signature) {
            /** Per axis: a size symbol, or null where the axis keeps its size. */
            private final List<ArithExpr<IntSort>> sizes = new ArrayList<>();
            private List<ArithExpr<IntSort>> outputDims;

            {
                for (int i = 0; i < rank; i++) {
                    sizes.add(interpolating && i < 2 ? null : attribute("size" + i));
                }
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                outputDims = resized(inputs.get(0));
                return sizes.stream().filter(s -> s != null).map(s -> context.ge(s, 1)).toList();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(resized(inputs.get(0)));
            }

            private List<ArithExpr<IntSort>> resized(SymbolicType input) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>();
                for (int i = 0; i < rank; i++) {
                    dims.add(sizes.get(i) == null ? input.dim(i) : sizes.get(i));
                }
                return dims;
            }

            @Override
            public Lowering lower(Valuation valuation) {
                if (outputDims == null) {
                    throw new IllegalStateException("Resize lowered before its constraints were built");
                }
                Attributes.Builder attributes = Attributes.builder().put("mode", mode)
                        .put("coordinate_transformation_mode", transform);
                if (mode.equals("nearest")) {
                    attributes.put("nearest_mode", nearestMode);
                }
                InputSlot unused = opset >= 13 ? new InputSlot.Omitted() : ConstantInputs.emptyFloats();
                return new Lowering(attributes.build(), List.of(new InputSlot.Data(0), unused, unused,
                        ConstantInputs.int64s(valuation.valuesOf(outputDims))));
            }
        };
    }
}
