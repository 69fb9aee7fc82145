package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;

import java.util.List;

/**
 * One application of an operator inside a graph under construction: its dtype signature and input ranks are
 * fixed, its integer attributes are fresh solver symbols, and its structural choices that are drawn rather
 * than solved (reduce axes, permutations) are fixed at creation.
 */
public interface OpInstance {
    OpSpec spec();

    Signature signature();

    /** Constraints that make the operator valid on inputs of these types (dtype and rank already match). */
    List<BoolExpr> requires(List<SymbolicType> inputs);

    /** The output types as expressions over the input dims and the instance's attribute symbols. */
    List<SymbolicType> outputTypes(List<SymbolicType> inputs);

    /** The solver symbols of this instance's integer attributes, which the generator bins for diversity. */
    List<ArithExpr<IntSort>> attributeSymbols();

    /**
     * The node's attributes and inputs once the solver has fixed every symbol. Some constants depend on input
     * dims (Gather's indices, BatchNormalization's statistics), so this uses the inputs of the last
     * {@link #requires} call, which must come first.
     */
    Lowering lower(Valuation valuation);
}
