package dev.crest.fuzz.gen;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;

import java.time.Duration;
import java.util.List;

/**
 * One incremental Z3 solver holding the constraints accepted so far. New constraints are first checked as
 * assumptions and asserted only when satisfiable, so a rejected insertion leaves nothing behind (NNSmith's
 * scheme). The solver's randomness (phase selection, random seed, random initial arithmetic values) is seeded
 * from the generation seed, which together with a fixed sequence of calls makes runs reproducible.
 */
final class IncrementalSolver {
    /** Z3's random phase selection (NNSmith's {@code smt.phase_selection=5}). */
    private static final int RANDOM_PHASE_SELECTION = 5;

    private final Solver solver;
    private int checks;

    IncrementalSolver(Context z3, long seed, Duration timeout) {
        this.solver = z3.mkSolver();
        Params params = z3.mkParams();
        params.add("phase_selection", RANDOM_PHASE_SELECTION);
        params.add("arith.random_initial_value", true);
        // Z3's seeds are unsigned 32-bit; the low bits of a mixed seed keep nearby seeds apart.
        params.add("random_seed", (int) (mix(seed) & 0x7fff_ffffL));
        params.add("timeout", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        solver.setParameters(params);
    }

    /** Asserts {@code constraints} if, together with those already held, they are satisfiable. */
    boolean tryAdd(List<BoolExpr> constraints) {
        if (check(constraints) != Status.SATISFIABLE) {
            return false;
        }
        solver.add(constraints.toArray(BoolExpr[]::new));
        return true;
    }

    /** Checks the held constraints together with {@code assumptions}, which are not kept. */
    Status check(List<BoolExpr> assumptions) {
        checks++;
        return solver.check(assumptions.toArray(BoolExpr[]::new));
    }

    /** The satisfying assignment of the last satisfiable check. */
    Model model() {
        return solver.getModel();
    }

    /** How many checks ran, for diagnostics. */
    int checks() {
        return checks;
    }

    private static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
