package dev.crest.fuzz.diff;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a test case on the reference and on every target backend and classifies the result, following NNSmith's
 * two-level check (Liu et al., ASPLOS 2023): a run that crashes, throws or hangs is a finding at that stage; an
 * optimized run that disagrees with the reference is compared with its unoptimized baseline, and a disagreement
 * there blames an optimization pass, otherwise the backend as a whole. Disagreements where the reference itself
 * holds NaN or an infinity are dropped as false alarms.
 */
public final class DifferentialTester {
    private final BackendExecutor executor;
    private final List<TargetRun> runs;
    private final Tolerance tolerance;

    /** A tester running {@code runs} through {@code executor} and comparing under {@code tolerance}. */
    public DifferentialTester(BackendExecutor executor, List<TargetRun> runs, Tolerance tolerance) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a differential test needs at least one backend run");
        }
        this.executor = executor;
        this.runs = List.copyOf(runs);
        this.tolerance = tolerance;
    }

    /** The runs compared with the reference. */
    public List<TargetRun> runs() {
        return runs;
    }

    /** The tolerance outputs are compared under. */
    public Tolerance tolerance() {
        return tolerance;
    }

    /** Tests one case. */
    public TestResult test(TestCase testCase) {
        Map<String, RunOutcome> outcomes = new LinkedHashMap<>();
        TestCase tested = testCase;
        if (testCase.referenceOutputs().isEmpty()) {
            RunOutcome reference = executor.execute(ReferenceBackend.NAME, testCase.modelBytes(), testCase.inputs());
            outcomes.put(ReferenceBackend.NAME, reference);
            if (!reference.succeeded()) {
                return new TestResult(testCase, Verdict.dropped("the reference interpreter failed at "
                        + reference.stage().label() + ": " + reference.message()), outcomes);
            }
            tested = testCase.withReferenceOutputs(reference.outputs());
        }
        for (TargetRun run : runs) {
            outcomes.put(run.backend(), executor.execute(run.backend(), tested.modelBytes(), tested.inputs()));
        }
        return new TestResult(tested, classify(tested.referenceOutputs(), outcomes), outcomes);
    }

    private Verdict classify(Map<String, Tensor> reference, Map<String, RunOutcome> outcomes) {
        for (TargetRun run : runs) {
            RunOutcome outcome = outcomes.get(run.backend());
            if (!outcome.succeeded()) {
                return Verdict.of(new Finding(symptomOf(outcome.status()), outcome.stage(), outcome.backend(),
                        outcome.version(), Optional.empty(), 0, 0, outcome.backend() + " " + describe(outcome),
                        outcome.errorLog()));
            }
        }
        for (TargetRun run : runs) {
            RunOutcome outcome = outcomes.get(run.backend());
            Comparison vsReference = Comparison.of(outcome.outputs(), reference, tolerance);
            if (vsReference.agrees()) {
                continue;
            }
            if (vsReference.expectedNonFinite()) {
                return Verdict.dropped(run.backend() + " disagrees with a reference output holding NaN or infinity ("
                        + vsReference.detail() + ")");
            }
            Optional<RunOutcome> baseline = run.baseline().map(outcomes::get);
            if (baseline.isPresent()) {
                Comparison vsBaseline = Comparison.of(outcome.outputs(), baseline.get().outputs(), tolerance);
                if (!vsBaseline.agrees()) {
                    return inconsistency(outcome, new DivergingPair(run.backend(), baseline.get().backend(),
                            DivergingPair.Kind.OPT_VS_NOOPT), vsBaseline);
                }
            }
            return inconsistency(outcome, new DivergingPair(run.backend(), ReferenceBackend.NAME,
                    DivergingPair.Kind.BACKEND_VS_REFERENCE), vsReference);
        }
        return Verdict.pass();
    }

    private static Verdict inconsistency(RunOutcome outcome, DivergingPair pair, Comparison comparison) {
        String message = pair.actual() + " disagrees with " + pair.expected() + ": " + comparison.detail()
                + String.format(" (max abs error %.3g, max rel error %.3g)", comparison.maxAbsError(),
                        comparison.maxRelError());
        return Verdict.of(new Finding(Symptom.INCONSISTENCY, Stage.VERIFY, outcome.backend(), outcome.version(),
                Optional.of(pair), comparison.maxAbsError(), comparison.maxRelError(), message, ""));
    }

    private static Symptom symptomOf(RunOutcome.Status status) {
        switch (status) {
            case CRASH:
                return Symptom.CRASH;
            case TIMEOUT:
                return Symptom.TIMEOUT;
            case EXCEPTION:
                return Symptom.EXCEPTION;
            default:
                throw new IllegalArgumentException("not a failure: " + status);
        }
    }

    private static String describe(RunOutcome outcome) {
        if (outcome.status() == RunOutcome.Status.EXCEPTION) {
            return "failed at " + outcome.stage().label() + ": " + outcome.message();
        }
        return outcome.message().startsWith("the worker") || outcome.message().startsWith("no answer")
                ? "(" + outcome.status().name().toLowerCase(java.util.Locale.ROOT) + "): " + outcome.message()
                : outcome.message();
    }
}
