package dev.crest.fuzz.gen;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.fuzz.spec.InputSlot;
import dev.crest.fuzz.spec.Lowering;
import dev.crest.fuzz.spec.OpFamily;
import dev.crest.fuzz.spec.OpInstance;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.fuzz.spec.Signature;
import dev.crest.fuzz.spec.SpecContext;
import dev.crest.fuzz.spec.SymbolicType;
import dev.crest.fuzz.spec.Valuation;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Two small specs for the generator's tests, exercising what Relu and Add do not: solved attributes (a 1-D
 * AveragePool's kernel, stride and pad) and constant inputs (Reshape to a vector with the constant shape [-1]).
 */
final class TestSpecs {
    private TestSpecs() {
    }

    /** The registered operators plus those of the two test specs the registry does not specify yet. */
    static List<OpSpec> withTestSpecs() {
        List<OpSpec> specs = new ArrayList<>(OpSpecs.standard().all());
        for (OpSpec extra : List.of(new AveragePool1d(), new ReshapeToVector())) {
            if (specs.stream().noneMatch(s -> s.opType().equals(extra.opType()))) {
                specs.add(extra);
            }
        }
        return specs;
    }

    /** AveragePool over (N, C, L) with symmetric pad p: L' = (L + 2p − k) / s + 1, with 0 ≤ p < k ≤ L + 2p. */
    static final class AveragePool1d implements OpSpec {
        @Override
        public String opType() {
            return "AveragePool";
        }

        @Override
        public OpFamily family() {
            return OpFamily.POOLING;
        }

        @Override
        public int[] inputCounts() {
            return new int[] {1};
        }

        @Override
        public List<Signature> signatures(int inputCount) {
            return List.of(Signature.uniform(DType.FLOAT32, 1, 1));
        }

        @Override
        public boolean acceptsRanks(int[] ranks) {
            return ranks.length == 1 && ranks[0] == 3;
        }

        @Override
        public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
            ArithExpr<IntSort> kernel = context.fresh("pool.kernel");
            ArithExpr<IntSort> stride = context.fresh("pool.stride");
            ArithExpr<IntSort> pad = context.fresh("pool.pad");
            OpSpec spec = this;
            return new OpInstance() {
                @Override
                public OpSpec spec() {
                    return spec;
                }

                @Override
                public Signature signature() {
                    return signature;
                }

                @Override
                public List<BoolExpr> requires(List<SymbolicType> inputs) {
                    ArithExpr<IntSort> padded = context.add(inputs.get(0).dim(2), context.mul(context.constant(2), pad));
                    return List.of(context.ge(kernel, 1), context.ge(stride, 1), context.ge(pad, 0),
                            context.le(context.add(pad, context.constant(1)), kernel), context.le(kernel, padded));
                }

                @Override
                public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                    SymbolicType x = inputs.get(0);
                    ArithExpr<IntSort> padded = context.add(x.dim(2), context.mul(context.constant(2), pad));
                    ArithExpr<IntSort> length = context.add(context.div(context.sub(padded, kernel), stride),
                            context.constant(1));
                    return List.of(new SymbolicType(DType.FLOAT32, List.of(x.dim(0), x.dim(1), length)));
                }

                @Override
                public List<ArithExpr<IntSort>> attributeSymbols() {
                    return List.of(kernel, stride, pad);
                }

                @Override
                public Lowering lower(Valuation valuation) {
                    long p = valuation.valueOf(pad);
                    return Lowering.ofData(Attributes.builder().put("kernel_shape", new long[] {valuation.valueOf(kernel)})
                            .put("strides", new long[] {valuation.valueOf(stride)}).put("pads", p, p).build(), 1);
                }
            };
        }
    }

    /** Reshape to one dimension holding every element, the target shape [-1] a constant input. */
    static final class ReshapeToVector implements OpSpec {
        @Override
        public String opType() {
            return "Reshape";
        }

        @Override
        public OpFamily family() {
            return OpFamily.SHAPE;
        }

        @Override
        public int[] inputCounts() {
            return new int[] {1};
        }

        @Override
        public List<Signature> signatures(int inputCount) {
            return List.of(Signature.uniform(DType.FLOAT32, 1, 1), Signature.uniform(DType.INT64, 1, 1));
        }

        @Override
        public boolean acceptsRanks(int[] ranks) {
            return ranks.length == 1;
        }

        @Override
        public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
            OpSpec spec = this;
            return new OpInstance() {
                @Override
                public OpSpec spec() {
                    return spec;
                }

                @Override
                public Signature signature() {
                    return signature;
                }

                @Override
                public List<BoolExpr> requires(List<SymbolicType> inputs) {
                    return List.of();
                }

                @Override
                public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                    return List.of(new SymbolicType(signature.outputs().get(0),
                            List.of(context.product(inputs.get(0).dims()))));
                }

                @Override
                public List<ArithExpr<IntSort>> attributeSymbols() {
                    return List.of();
                }

                @Override
                public Lowering lower(Valuation valuation) {
                    return new Lowering(Attributes.empty(), List.of(new InputSlot.Data(0),
                            new InputSlot.Constant(Tensor.ofLongs(Shape.of(1), -1))));
                }
            };
        }
    }
}
