package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a spec needs to build constraints: the Z3 context, fresh uniquely named integer symbols, the random
 * source for choices drawn rather than solved, and short helpers that keep spec code readable. Owned by one
 * generator run (Z3 contexts are not thread-safe); the context itself is closed by its owner.
 */
public final class SpecContext {
    private final Context z3;
    private final SplittableRandom random;
    private final int opset;
    private final List<ArithExpr<IntSort>> symbols = new ArrayList<>();

    /** @param opset the ONNX opset the generated model declares; specs lower to that opset's operator forms */
    public SpecContext(Context z3, SplittableRandom random, int opset) {
        this.z3 = z3;
        this.random = random;
        this.opset = opset;
    }

    public int opset() {
        return opset;
    }

    public Context z3() {
        return z3;
    }

    public SplittableRandom random() {
        return random;
    }

    /** A fresh integer symbol; {@code hint} makes solver dumps readable (e.g. {@code conv3.stride0}). */
    public ArithExpr<IntSort> fresh(String hint) {
        ArithExpr<IntSort> symbol = z3.mkIntConst(hint + "#" + symbols.size());
        symbols.add(symbol);
        return symbol;
    }

    /** Every symbol created so far, in creation order. */
    public List<ArithExpr<IntSort>> symbols() {
        return List.copyOf(symbols);
    }

    public ArithExpr<IntSort> constant(long value) {
        return z3.mkInt(value);
    }

    @SuppressWarnings("unchecked")
    public ArithExpr<IntSort> add(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkAdd(a, b);
    }

    @SuppressWarnings("unchecked")
    public ArithExpr<IntSort> sub(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkSub(a, b);
    }

    @SuppressWarnings("unchecked")
    public ArithExpr<IntSort> mul(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkMul(a, b);
    }

    /** Integer division rounding toward negative infinity for a positive divisor (ONNX's floor in shapes). */
    public ArithExpr<IntSort> div(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkDiv(a, b);
    }

    /** The product of all expressions, 1 for none. */
    public ArithExpr<IntSort> product(List<ArithExpr<IntSort>> factors) {
        ArithExpr<IntSort> result = constant(1);
        for (ArithExpr<IntSort> factor : factors) {
            result = mul(result, factor);
        }
        return result;
    }

    public ArithExpr<IntSort> ite(BoolExpr condition, ArithExpr<IntSort> then, ArithExpr<IntSort> otherwise) {
        return (ArithExpr<IntSort>) z3.mkITE(condition, then, otherwise);
    }

    public BoolExpr eq(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkEq(a, b);
    }

    public BoolExpr eq(ArithExpr<IntSort> a, long b) {
        return z3.mkEq(a, constant(b));
    }

    public BoolExpr ge(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkGe(a, b);
    }

    public BoolExpr ge(ArithExpr<IntSort> a, long b) {
        return z3.mkGe(a, constant(b));
    }

    public BoolExpr le(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkLe(a, b);
    }

    public BoolExpr le(ArithExpr<IntSort> a, long b) {
        return z3.mkLe(a, constant(b));
    }

    public BoolExpr gt(ArithExpr<IntSort> a, long b) {
        return z3.mkGt(a, constant(b));
    }

    public BoolExpr gt(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkGt(a, b);
    }

    public BoolExpr lt(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return z3.mkLt(a, b);
    }

    public BoolExpr lt(ArithExpr<IntSort> a, long b) {
        return z3.mkLt(a, constant(b));
    }

    /** {@code low <= a <= high}. */
    public BoolExpr between(ArithExpr<IntSort> a, long low, long high) {
        return z3.mkAnd(ge(a, low), le(a, high));
    }

    public ArithExpr<IntSort> min(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return ite(le(a, b), a, b);
    }

    public ArithExpr<IntSort> max(ArithExpr<IntSort> a, ArithExpr<IntSort> b) {
        return ite(ge(a, b), a, b);
    }

    public BoolExpr not(BoolExpr condition) {
        return z3.mkNot(condition);
    }

    public BoolExpr and(BoolExpr... conditions) {
        return z3.mkAnd(conditions);
    }

    public BoolExpr or(BoolExpr... conditions) {
        return z3.mkOr(conditions);
    }
}
