package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.crest.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BroadcastBinarySpecTest {
    @Test
    void broadcastsSolvedShapesLikeNumpy() {
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, new SplittableRandom(1), 17);
            OpSpec add = OpSpecs.standard().get("Add");
            Signature signature = add.signatures(2).get(1);
            OpInstance instance = add.instantiate(context, signature, new int[] {3, 1});
            SymbolicType a = new SymbolicType(DType.FLOAT32, List.of(context.fresh("a0"), context.fresh("a1"), context.fresh("a2")));
            SymbolicType b = new SymbolicType(DType.FLOAT32, List.of(context.fresh("b0")));
            Solver solver = z3.mkSolver();
            solver.add(instance.requires(List.of(a, b)).toArray(BoolExpr[]::new));
            solver.add(new BoolExpr[] {context.eq(a.dim(0), 2), context.eq(a.dim(1), 3), context.eq(a.dim(2), 1),
                context.eq(b.dim(0), 5)});

            assertThat(solver.check()).isEqualTo(Status.SATISFIABLE);
            List<ArithExpr<IntSort>> out = instance.outputTypes(List.of(a, b)).get(0).dims();
            assertThat(Valuation.of(solver.getModel()).valuesOf(out)).containsExactly(2, 3, 5);

            solver.add(new BoolExpr[] {context.eq(a.dim(2), 4)});
            assertThat(solver.check()).isEqualTo(Status.UNSATISFIABLE);
        }
    }
}
