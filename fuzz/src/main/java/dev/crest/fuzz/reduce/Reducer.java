package dev.crest.fuzz.reduce;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.graph.Node;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.Tensor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shrinks a finding's test case to a small one that still shows the same bug, so it can be filed as it is.
 * First delta debugging over the nodes ({@link DeltaDebugging}): a candidate keeps a subset of the nodes, and
 * what a kept node read from a removed one becomes a fresh graph input holding the value the reference computed
 * for it in the original case ({@link SubgraphCut}); then the inputs and weights are cut to smaller shapes where
 * the model still runs ({@link ShapeShrinker}). A candidate counts when the reference runs it to finite outputs
 * and the same backend runs give the same bug by {@link SameBug}. The time budget is checked before each
 * candidate, so a reduction ends at most one candidate's test after it.
 */
public final class Reducer {
    private final DifferentialTester tester;
    private final Interpreter reference = Interpreter.standard();

    /** A reducer testing candidates on {@code runs} through {@code executor}, comparing under {@code tolerance}. */
    public Reducer(BackendExecutor executor, List<TargetRun> runs, Tolerance tolerance) {
        this.tester = new DifferentialTester(executor, runs, tolerance);
    }

    /** Reduces {@code testCase}, which showed {@code finding}, within {@code budget}. */
    public ReductionResult reduce(TestCase testCase, Finding finding, Duration budget) {
        return reduce(testCase, finding, budget, ReductionListener.NONE);
    }

    /** Reduces {@code testCase}, which showed {@code finding}, within {@code budget}, telling {@code listener}. */
    public ReductionResult reduce(TestCase testCase, Finding finding, Duration budget, ReductionListener listener) {
        if (budget.isNegative() || budget.isZero()) {
            throw new FuzzException("the reduction budget must be positive, got " + budget.toMillis() + " ms");
        }
        return new Run(testCase, finding, budget, listener).reduce();
    }

    /** The state of one reduction. */
    private final class Run {
        private final TestCase original;
        private final Finding finding;
        private final ReductionListener listener;
        private final long start = System.nanoTime();
        private final long deadline;
        private final CandidateTester candidates;
        private final int nodesBefore;
        private final long elementsBefore;
        private CandidateTester.Accepted best;
        private Candidate bestCandidate;
        private ReductionProgress.Phase phase = ReductionProgress.Phase.REPRODUCE;
        private boolean cutShort;

        Run(TestCase original, Finding finding, Duration budget, ReductionListener listener) {
            this.original = original;
            this.finding = finding;
            this.listener = listener;
            this.deadline = start + budget.toNanos();
            Map<String, String> provenance = new LinkedHashMap<>(original.provenance());
            provenance.put("reducedFrom", original.model().graph().nodes().size() + " nodes");
            this.candidates = new CandidateTester(tester, finding, original.seed(), provenance);
            this.nodesBefore = original.model().graph().nodes().size();
            this.elementsBefore = new Candidate(original.model(), original.inputs()).elements();
        }

        ReductionResult reduce() {
            Optional<CandidateTester.Accepted> stored = candidates.testAsIs(original);
            report(stored.isPresent());
            if (stored.isEmpty()) {
                return result(new CandidateTester.Accepted(original, finding), false);
            }
            best = stored.get();
            Map<String, Tensor> traced;
            try {
                traced = reference.trace(original.model(), original.inputs()).values();
            } catch (RuntimeException e) {
                throw new FuzzException("the reference interpreter cannot run the finding's model: " + e.getMessage(), e);
            }
            SubgraphCut cut = new SubgraphCut(original.model(), original.inputs(), traced);
            if (!outOfTime() && accept(cut.keep(cut.nodes()))) {
                phase = ReductionProgress.Phase.NODES;
                DeltaDebugging<Node> ddmin = new DeltaDebugging<>(kept -> accept(cut.keep(kept)), this::outOfTime);
                ddmin.minimize(cut.nodes());
                phase = ReductionProgress.Phase.SHAPES;
                ShapeShrinker shrinker = new ShapeShrinker(this::accept, this::outOfTime);
                shrinker.shrink(bestCandidate);
                cutShort = ddmin.cutShort() || shrinker.cutShort();
            } else {
                cutShort = outOfTime();
            }
            return result(best, true);
        }

        /** Tests a candidate and makes it the best case when it still shows the bug. */
        private boolean accept(Candidate candidate) {
            Optional<CandidateTester.Accepted> accepted = candidates.test(candidate);
            if (accepted.isPresent()) {
                best = accepted.get();
                bestCandidate = candidate;
            }
            report(accepted.isPresent());
            return accepted.isPresent();
        }

        private boolean outOfTime() {
            return System.nanoTime() - deadline >= 0;
        }

        private void report(boolean accepted) {
            TestCase now = best == null ? original : best.testCase();
            listener.attempted(new ReductionProgress(phase, candidates.attempts(), accepted,
                    now.model().graph().nodes().size(), new Candidate(now.model(), now.inputs()).elements(),
                    Duration.ofNanos(System.nanoTime() - start)));
        }

        private ReductionResult result(CandidateTester.Accepted outcome, boolean reproduced) {
            TestCase reduced = outcome.testCase();
            List<String> operators = reduced.model().graph().nodes().stream().map(Node::opType).toList();
            return new ReductionResult(reduced, outcome.finding(), reproduced, nodesBefore,
                    reduced.model().graph().nodes().size(), operators, elementsBefore,
                    new Candidate(reduced.model(), reduced.inputs()).elements(), candidates.attempts(),
                    Duration.ofNanos(System.nanoTime() - start), cutShort);
        }
    }
}
