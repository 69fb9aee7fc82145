package dev.crest.fuzz.gen;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.crest.fuzz.spec.SpecContext;
import dev.crest.fuzz.spec.Valuation;

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
 *
 * <p>Most insertions fit the shapes already chosen, so before checking everything again {@link #tryAdd} first
 * tries to extend the current satisfying assignment: it substitutes the known values into the new constraints and
 * solves only for the new symbols. Success is a witness of satisfiability (the old constraints hold under the old
 * values, the new ones under old and new values together), so nothing is accepted that a full check would reject;
 * only when the extension fails does the full check run, which may also change earlier shapes.
 */
final class ConstraintSolver {
    /** Z3's random phase selection (NNSmith's {@code smt.phase_selection=5}). */
    private static final int RANDOM_PHASE_SELECTION = 5;

    private final Context z3;
    private final SpecContext symbols;
    private final Params params;
    private final List<BoolExpr> held = new ArrayList<>();
    /** A satisfying assignment of {@link #held}: the first {@code assigned.size()} symbols of the spec context. */
    private final List<Expr<?>> assigned = new ArrayList<>();
    private final List<Expr<?>> assignedValues = new ArrayList<>();
    private Model lastModel;
    private int checks;
    private int extensions;
    private int gaveUp;

    /**
     * @param effort Z3 resource units one check may spend (its {@code rlimit})
     * @param timeout wall-clock bound of one check, a safety net that only a very slow machine reaches
     */
    ConstraintSolver(SpecContext symbols, long seed, long effort, Duration timeout) {
        this.z3 = symbols.z3();
        this.symbols = symbols;
        this.params = z3.mkParams();
        params.add("phase_selection", RANDOM_PHASE_SELECTION);
        params.add("arith.random_initial_value", true);
        // Z3's seeds and limits are unsigned 32-bit; the low bits of a mixed seed keep nearby seeds apart.
        params.add("random_seed", (int) (mix(seed) & 0x7fff_ffffL));
        params.add("rlimit", (int) Math.min(Integer.MAX_VALUE, effort));
        params.add("timeout", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        // By default Z3 installs its own SIGINT handler for the length of a check and swallows the signal to
        // cancel the check; about half a campaign is spent solving, so Ctrl-C would mostly be lost instead of
        // reaching the JVM's shutdown hooks, which save the campaign.
        params.add("ctrl_c", false);
    }

    /**
     * Keeps {@code constraints} if, together with those already held, the solver finds them satisfiable within
     * its effort; a check that runs out of effort counts as a rejection.
     */
    boolean tryAdd(List<BoolExpr> constraints) {
        if (extendAssignment(constraints)) {
            held.addAll(constraints);
            return true;
        }
        if (check(constraints) != Status.SATISFIABLE) {
            return false;
        }
        held.addAll(constraints);
        assigned.clear();
        assignedValues.clear();
        assign(lastModel);
        return true;
    }

    /**
     * Solves {@code constraints} for the symbols without a value, the others fixed to the current assignment, and on
     * success adds the new symbols' values to it.
     */
    private boolean extendAssignment(List<BoolExpr> constraints) {
        Expr<?>[] from = assigned.toArray(Expr<?>[]::new);
        Expr<?>[] to = assignedValues.toArray(Expr<?>[]::new);
        Solver solver = newSolver();
        // An explicit array: single expressions passed to Solver.add's generic varargs are an unchecked generic
        // array creation.
        solver.add(constraints.stream().map(c -> (BoolExpr) c.substitute(from, to)).toArray(BoolExpr[]::new));
        checks++;
        extensions++;
        if (solver.check() != Status.SATISFIABLE) {
            return false;
        }
        assign(solver.getModel());
        return true;
    }

    /** Adds to the assignment the value in {@code model} of every symbol created since it was last extended. */
    private void assign(Model model) {
        List<ArithExpr<IntSort>> all = symbols.symbols();
        for (ArithExpr<IntSort> symbol : all.subList(assigned.size(), all.size())) {
            assigned.add(symbol);
            assignedValues.add(model.eval(symbol, true));
        }
    }

    /** Checks the held constraints together with {@code extra}, which are not kept. */
    Status check(List<BoolExpr> extra) {
        checks++;
        Solver solver = newSolver();
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

    /** A satisfying assignment of every constraint held: the one kept up to date as constraints were added. */
    Valuation acceptedValuation() {
        Expr<?>[] from = assigned.toArray(Expr<?>[]::new);
        Expr<?>[] to = assignedValues.toArray(Expr<?>[]::new);
        return expression -> ((IntNum) expression.substitute(from, to).simplify()).getInt64();
    }

    /** Solver checks run, extensions of the assignment included. */
    int checks() {
        return checks;
    }

    /** How many of the checks only solved for new symbols (see {@link #tryAdd}). */
    int extensions() {
        return extensions;
    }

    private Solver newSolver() {
        Solver solver = z3.mkSimpleSolver();
        solver.setParameters(params);
        return solver;
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
