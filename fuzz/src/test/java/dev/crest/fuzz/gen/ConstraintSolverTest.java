package dev.crest.fuzz.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import dev.crest.fuzz.spec.SpecContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConstraintSolverTest {
    @Test
    void acceptsWhatFitsTheCurrentValuesOrAFullCheckAndRejectsWhatContradicts() {
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, new SplittableRandom(1), 17);
            ConstraintSolver solver = new ConstraintSolver(context, 1, GeneratorSettings.DEFAULT_SOLVER_EFFORT,
                    GeneratorSettings.DEFAULT_SOLVER_TIMEOUT);
            ArithExpr<IntSort> x = context.fresh("x");
            ArithExpr<IntSort> y = context.fresh("y");
            assertThat(solver.tryAdd(List.of(context.ge(x, 1), context.ge(y, 1), context.le(context.mul(x, y), 12))))
                    .isTrue();

            // Pins x and y, whatever values the first answer chose: when they differ, the extension (which keeps x
            // and y) fails and the full check must accept them.
            assertThat(solver.tryAdd(List.of(context.eq(x, 3), context.eq(y, 4)))).isTrue();
            assertThat(solver.acceptedValuation().valueOf(x)).isEqualTo(3);
            assertThat(solver.acceptedValuation().valueOf(y)).isEqualTo(4);

            // A new symbol defined from old ones: the extension solves for it alone.
            int extensionsBefore = solver.extensions();
            ArithExpr<IntSort> z = context.fresh("z");
            assertThat(solver.tryAdd(List.of(context.eq(z, context.add(x, y))))).isTrue();
            assertThat(solver.extensions()).isEqualTo(extensionsBefore + 1);
            assertThat(solver.acceptedValuation().valueOf(z)).isEqualTo(7);

            // Contradicts what was accepted: neither the extension nor the full check may take it, and the
            // accepted values stay.
            assertThat(solver.tryAdd(List.of(context.eq(x, 5)))).isFalse();
            assertThat(solver.tryAdd(List.of(context.ge(context.mul(z, y), 29)))).isFalse();
            assertThat(solver.acceptedValuation().valueOf(context.mul(x, z))).isEqualTo(21);
        }
    }
}
