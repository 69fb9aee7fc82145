package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.crest.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-derived cases of individual constraints: what a spec must accept, reject and solve to. */
class SpecConstraintsTest {
    @Test
    void convGroupsFollowFromTheChannels() {
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, new SplittableRandom(3), 17);
            OpSpec conv = OpSpecs.standard().get("Conv");
            OpInstance instance = conv.instantiate(context, conv.signatures(2).get(1), new int[] {4, 4});
            SymbolicType x = input(context, "x", 4);
            SymbolicType w = input(context, "w", 4);
            Solver solver = solver(context, instance, List.of(x, w));
            // X has 4 channels and W 2 per group, so group is 2; W's 6 filters make 3 per group.
            fix(solver, context, x, 1, 4, 9, 9);
            fix(solver, context, w, 6, 2, 3, 3);
            assertThat(solver.check()).isEqualTo(Status.SATISFIABLE);
            long[] attributes = Valuation.of(solver.getModel()).valuesOf(instance.attributeSymbols());
            assertThat(attributes[0]).as("group").isEqualTo(2);
            assertThat(attributes[1]).as("filters per group").isEqualTo(3);

            solver.add(new BoolExpr[] {context.eq(x.dim(1), 5)});
            assertThat(solver.check()).as("5 channels cannot split into groups of 2").isEqualTo(Status.UNSATISFIABLE);
        }
    }

    @Test
    void squeezeNeedsItsAxesToBeOne() {
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, new SplittableRandom(5), 17);
            OpSpec squeeze = OpSpecs.standard().get("Squeeze");
            OpInstance instance = squeeze.instantiate(context, Signature.uniform(DType.FLOAT32, 1, 1), new int[] {3});
            SymbolicType x = input(context, "x", 3);
            Solver solver = solver(context, instance, List.of(x));
            fix(solver, context, x, 3, 3, 3);
            assertThat(solver.check()).isEqualTo(Status.UNSATISFIABLE);
        }
    }

    @Test
    void reshapeKeepsTheElementCount() {
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, new SplittableRandom(8), 17);
            OpSpec reshape = OpSpecs.standard().get("Reshape");
            OpInstance instance = reshape.instantiate(context, Signature.uniform(DType.INT64, 1, 1), new int[] {3});
            SymbolicType x = input(context, "x", 3);
            Solver solver = solver(context, instance, List.of(x));
            fix(solver, context, x, 2, 3, 4);
            assertThat(solver.check()).isEqualTo(Status.SATISFIABLE);
            long[] target = Valuation.of(solver.getModel())
                    .valuesOf(instance.outputTypes(List.of(x)).get(0).dims());
            long product = 1;
            for (long d : target) {
                product *= d;
            }
            assertThat(product).isEqualTo(24);
        }
    }

    @Test
    void gemmContractsMatchingDims() {
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, new SplittableRandom(2), 17);
            OpSpec gemm = OpSpecs.standard().get("Gemm");
            OpInstance instance = gemm.instantiate(context, Signature.uniform(DType.FLOAT32, 2, 1), new int[] {2, 2});
            SymbolicType a = input(context, "a", 2);
            SymbolicType b = input(context, "b", 2);
            Solver solver = solver(context, instance, List.of(a, b));
            // Whatever the drawn transposes, a 3×3 A and a 5×5 B share no dimension.
            fix(solver, context, a, 3, 3);
            fix(solver, context, b, 5, 5);
            assertThat(solver.check()).isEqualTo(Status.UNSATISFIABLE);
        }
    }

    private static SymbolicType input(SpecContext context, String name, int rank) {
        List<ArithExpr<IntSort>> dims = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            dims.add(context.fresh(name + i));
        }
        return new SymbolicType(DType.FLOAT32, dims);
    }

    private static Solver solver(SpecContext context, OpInstance instance, List<SymbolicType> inputs) {
        Solver solver = context.z3().mkSolver();
        solver.add(instance.requires(inputs).toArray(BoolExpr[]::new));
        for (SymbolicType out : instance.outputTypes(inputs)) {
            for (ArithExpr<IntSort> d : out.dims()) {
                solver.add(new BoolExpr[] {context.ge(d, 1)});
            }
        }
        return solver;
    }

    private static void fix(Solver solver, SpecContext context, SymbolicType type, long... dims) {
        for (int i = 0; i < dims.length; i++) {
            solver.add(new BoolExpr[] {context.eq(type.dim(i), dims[i])});
        }
    }
}
