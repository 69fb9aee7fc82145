package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.DType;

import java.util.List;

/**
 * The type of a value in a graph under construction: its element type and one solver integer per dimension,
 * so shapes stay symbolic until the solver fixes them.
 */
public record SymbolicType(DType dtype, List<ArithExpr<IntSort>> dims) {
    public SymbolicType {
        dims = List.copyOf(dims);
    }

    public int rank() {
        return dims.size();
    }

    /** Dimension {@code i}; negative indices count from the end, as in ONNX axes. */
    public ArithExpr<IntSort> dim(int i) {
        return dims.get(i < 0 ? i + dims.size() : i);
    }
}
