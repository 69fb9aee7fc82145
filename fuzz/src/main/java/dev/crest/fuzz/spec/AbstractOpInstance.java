package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * What every operator instance shares: its spec, signature and context, and the attribute symbols it creates
 * (all at construction, so {@link #attributeSymbols()} is complete before the generator asks for constraints).
 */
abstract class AbstractOpInstance implements OpInstance {
    protected final SpecContext context;
    private final OpSpec spec;
    private final Signature signature;
    private final List<ArithExpr<IntSort>> attributes = new ArrayList<>();

    AbstractOpInstance(OpSpec spec, SpecContext context, Signature signature) {
        this.spec = spec;
        this.context = context;
        this.signature = signature;
    }

    @Override
    public final OpSpec spec() {
        return spec;
    }

    @Override
    public final Signature signature() {
        return signature;
    }

    @Override
    public final List<ArithExpr<IntSort>> attributeSymbols() {
        return List.copyOf(attributes);
    }

    /** A fresh attribute symbol, named after the operator so solver dumps stay readable. */
    protected final ArithExpr<IntSort> attribute(String name) {
        ArithExpr<IntSort> symbol = context.fresh(spec.opType() + "." + name);
        attributes.add(symbol);
        return symbol;
    }

    protected final DType outputDType() {
        return signature.outputs().get(0);
    }

    /** The single output, of the signature's output dtype and these dims. */
    protected final List<SymbolicType> output(List<ArithExpr<IntSort>> dims) {
        return List.of(new SymbolicType(outputDType(), dims));
    }
}
