package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Model;

/** Concrete values of solver integers, read from a satisfying assignment once generation has finished. */
@FunctionalInterface
public interface Valuation {
    long valueOf(ArithExpr<IntSort> expression);

    /** Reads values from a Z3 model; symbols the model leaves free take Z3's default completion. */
    static Valuation of(Model model) {
        return expression -> ((IntNum) model.eval(expression, true)).getInt64();
    }

    default long[] valuesOf(java.util.List<ArithExpr<IntSort>> expressions) {
        long[] values = new long[expressions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = valueOf(expressions.get(i));
        }
        return values;
    }
}
