package dev.crest.fuzz.gen;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the constraints accepted so far and checks new ones against them; new constraints are kept only when
 * satisfiable, so a rejected insertion leaves nothing behind (NNSmith's scheme). Unlike NNSmith, each check runs
 * a fresh simple (SMT-core) Z3 solver instead of one long-lived solver checking assumptions: what the long-lived
 * solver accumulated made some non-linear checks (products, divisions of dims) take seconds that took
 * milliseconds from scratch, and Z3's default non-incremental tactics spent hundreds of times the effort of the
 * SMT core on the same product bounds. The solver's randomness (phase selection, random seed, random initial
 * arithmetic values) is seeded from the generation seed, and each check is bounded by Z3's deterministic resource
 * limit rather than by wall time, so a run gives the same answers on a busy machine as on an idle one.
 */
final class ConstraintSolver {
    /** Z3's random phase selection (NNSmith's {@code smt.phase_selection=5}). */
    private static final int RANDOM_PHASE_SELECTION = 5;

    private final Context z3;
    private final Params params;
    private final List<BoolExpr> held = new ArrayList<>();
    private Model lastModel;
    private Model lastAcceptedModel;
    private int checks;
    private int gaveUp;

    /**
     * @param effort Z3 resource units one check may spend (its {@code rlimit})
     * @param timeout wall-clock bound of one check, a safety net that only a very slow machine reaches
     */
    ConstraintSolver(Context z3, long seed, long effort, Duration timeout) {
        this.z3 = z3;
        this.params = z3.mkParams();
        params.add("phase_selection", RANDOM_PHASE_SELECTION);
        params.add("arith.random_initial_value", true);
        // Z3's seeds and limits are unsigned 32-bit; the low bits of a mixed seed keep nearby seeds apart.
        params.add("random_seed", (int) (mix(seed) & 0x7fff_ffffL));
        params.add("rlimit", (int) Math.min(Integer.MAX_VALUE, effort));
        params.add("timeout", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * Keeps {@code constraints} if, together with those already held, the solver finds them satisfiable within
     * its effort; a check that runs out of effort counts as a rejection.
     */
    boolean tryAdd(List<BoolExpr> constraints) {
        if (check(constraints) != Status.SATISFIABLE) {
            return false;
        }
        held.addAll(constraints);
        lastAcceptedModel = lastModel;
        return true;
    }

    /** Checks the held constraints together with {@code extra}, which are not kept. */
    Status check(List<BoolExpr> extra) {
        checks++;
        Solver solver = z3.mkSimpleSolver();
        solver.setParameters(params);
        solver.add(held.toArray(BoolExpr[]::new));
        solver.add(extra.toArray(BoolExpr[]::new));
        Status status = solver.check();
        if (status == Status.SATISFIABLE) {
            lastModel = solver.getModel();
        } else if (status == Status.UNKNOWN) {
            gaveUp++;
        }
        return status;
    }

    /** The satisfying assignment of the last satisfiable check. */
    Model model() {
        if (lastModel == null) {
            throw new IllegalStateException("no check was satisfiable yet");
        }
        return lastModel;
    }

    /** A satisfying assignment of every constraint held: the one found when the last constraints were added. */
    Model lastAcceptedModel() {
        if (lastAcceptedModel == null) {
            throw new IllegalStateException("no constraints were accepted yet");
        }
        return lastAcceptedModel;
    }

    int checks() {
        return checks;
    }

    /** How many checks ran out of effort (or time). */
    int gaveUp() {
        return gaveUp;
    }

    private static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
