package dev.crest.fuzz.search;

import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.interp.Execution;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping both searches share: the budget (wall clock and iterations), the replay, and the final verdict,
 * which always comes from the reference interpreter on the values being returned.
 */
final class SearchRun {
    private final SearchProblem problem;
    private final SearchSettings settings;
    private final ModelReplay replay;
    private final long start;
    private final BudgetClock clock;
    private final long deadline;
    private final List<String> failingNodes = new ArrayList<>();
    private int lastFailing = -1;
    private int iterations;

    SearchRun(SearchProblem problem, SearchSettings settings, long startNanos) {
        this.problem = problem;
        this.settings = settings;
        this.replay = new ModelReplay(problem);
        this.start = startNanos;
        this.clock = settings.budgetClock();
        // The setup before this run (deriving the problem) counts against a wall-clock budget, as it always has.
        this.deadline = (clock == BudgetClock.WALL ? startNanos : clock.nanos()) + settings.budget().toNanos();
    }

    SearchProblem problem() {
        return problem;
    }

    /** True while both the iteration cap and the time budget allow another evaluation. */
    boolean mayContinue() {
        return iterations < settings.maxIterations() && clock.nanos() - deadline < 0;
    }

    /** One counted forward evaluation on {@code tape}. */
    ModelReplay.Outcome evaluate(Tape tape, Map<String, Variable> leaves) {
        return evaluate(tape, leaves, -1);
    }

    /** One counted forward evaluation that runs node {@code focus}'s cone first ({@link ModelReplay#run}). */
    ModelReplay.Outcome evaluate(Tape tape, Map<String, Variable> leaves, int focus) {
        iterations++;
        ModelReplay.Outcome outcome = replay.run(tape, leaves, focus);
        if (!outcome.allFinite() && outcome.failingNode() != lastFailing) {
            failingNodes.add(describe(outcome.failingNode()));
        }
        lastFailing = outcome.failingNode();
        return outcome;
    }

    /** True when the failing node depends on no chosen value, so no choice can repair it. */
    boolean hopeless(ModelReplay.Outcome outcome) {
        return !outcome.allFinite() && !problem.dependsOnSearch(outcome.failingNode());
    }

    /** The result for {@code values}, judged by the reference interpreter. */
    SearchResult finish(Map<String, Tensor> values, int restarts) {
        Optional<String> nonFinite = firstNonFinite(values);
        return new SearchResult(values, nonFinite.isEmpty(), iterations, restarts, failingNodes, nonFinite,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Optional<String> firstNonFinite(Map<String, Tensor> values) {
        Model model = SearchProblem.withInitializers(problem.model(), values);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        model.graph().inputs().forEach(in -> {
            if (values.containsKey(in.name())) {
                inputs.put(in.name(), values.get(in.name()));
            }
        });
        Execution run;
        try {
            run = Interpreter.standard().trace(model, inputs);
        } catch (GraphException e) {
            // A kernel failed (e.g. integer division by zero); the replay names the node.
            Tape tape = new Tape();
            ModelReplay.Outcome outcome = new ModelReplay(problem).run(tape, ModelReplay.constants(tape, values));
            return Optional.of(outcome.allFinite() ? e.getMessage() : describe(outcome.failingNode()));
        }
        List<Node> nodes = problem.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).outputs()) {
                Tensor t = out.isEmpty() ? null : run.values().get(out);
                if (t != null && !Finiteness.isFinite(t)) {
                    return Optional.of(describe(i));
                }
            }
        }
        return Optional.empty();
    }

    private String describe(int node) {
        return problem.nodes().get(node).describe();
    }
}
