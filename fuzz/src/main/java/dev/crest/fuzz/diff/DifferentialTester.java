package dev.crest.fuzz.diff;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.localize.Localization;
import dev.crest.fuzz.localize.Localizer;
import dev.crest.graph.Node;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a test case on the reference and on every target backend and classifies the result, following NNSmith's
 * two-level check (Liu et al., ASPLOS 2023): a run that crashes, throws or hangs is a finding at that stage; an
 * optimized run that disagrees with the reference is compared with its unoptimized baseline, and a disagreement
 * there blames an optimization pass, otherwise the backend as a whole. Disagreements where the reference itself
 * holds NaN or an infinity are dropped as false alarms, and values computed in float16 are compared with the
 * tolerance's float16 pair (see {@link HalfPrecisionValues}). Each finding is localized
 * ({@link Localizer}) before the verdict is returned, unless the tester was made {@link #withoutLocalization()};
 * a divergence that starts at a node whose result ONNX leaves undefined for its inputs ({@link UndefinedResult}) or
 * whose inputs the reference computed as NaN or an infinity,
 * or at a node that is right on exact inputs and was fed inputs already slightly apart (rounding amplified by an
 * ill-conditioned operation), or at a node that agrees once its subnormal inputs are zeros ({@link SubnormalInputs}),
 * is dropped too, and so is a float16 accumulating operator that gives ±∞ or NaN where
 * the reference is finite and a float16 accumulator could overflow ({@link Float16AccumulationOverflow}), unless
 * the tolerance says to keep those ({@link Tolerance#keepFloat16Overflow()}).
 */
public final class DifferentialTester {
    /** Operators that select or mask their inputs, through which engines pass NaN differently. */
    private static final Set<String> SELECTING = Set.of("PRelu", "LeakyRelu", "Relu", "Clip", "Max", "Min", "Where",
            "ArgMax", "ArgMin", "ReduceMax", "ReduceMin", "MaxPool", "Greater", "Less", "Equal");

    private final BackendExecutor executor;
    private final List<TargetRun> runs;
    private final Tolerance tolerance;
    private final boolean localizing;

    /**
     * A tester running {@code runs} through {@code executor}, comparing under {@code tolerance} and localizing
     * every finding.
     */
    public DifferentialTester(BackendExecutor executor, List<TargetRun> runs, Tolerance tolerance) {
        this(executor, runs, tolerance, true);
    }

    private DifferentialTester(BackendExecutor executor, List<TargetRun> runs, Tolerance tolerance,
            boolean localizing) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a differential test needs at least one backend run");
        }
        this.executor = executor;
        this.runs = List.copyOf(runs);
        this.tolerance = tolerance;
        this.localizing = localizing;
    }

    /**
     * The same tester without localization: each inconsistency then costs no extra backend runs, which suits
     * callers that only need the verdict many times over (a reducer checking whether a smaller model still fails).
     */
    public DifferentialTester withoutLocalization() {
        return new DifferentialTester(executor, runs, tolerance, false);
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
        Verdict verdict = classify(tested, outcomes);
        if (localizing && verdict.isFinding()) {
            verdict = triage(tested, localize(tested, verdict.finding().get()), outcomes);
        }
        return new TestResult(tested, verdict, outcomes);
    }

    /**
     * The verdict on a localized finding: dropped when a false-alarm filter explains it, else the finding. The
     * filters explain differing values; a crash, exception or timeout is a finding whatever values it met.
     */
    private Verdict triage(TestCase tested, Finding localized, Map<String, RunOutcome> outcomes) {
        if (localized.symptom() != Symptom.INCONSISTENCY) {
            return Verdict.of(localized);
        }
        String where = localized.localization().map(Localization::summary).orElse("");
        Optional<Node> node = localizedNode(tested, localized);
        Optional<Map<String, Tensor>> reference = node.flatMap(n -> referenceValues(tested));
        if (reference.isEmpty()) {
            return float16PrecisionOnly(tested, localized, outcomes)
                    ? Verdict.dropped("float16 computed at a higher precision: " + localized.message() + "; " + where)
                    : Verdict.of(localized);
        }
        Optional<String> undefined = undefinedAt(node.get(), reference.get());
        if (undefined.isPresent()) {
            return Verdict.dropped(undefined.get() + "; " + localized.message());
        }
        if (amplifiedRounding(localized)) {
            return Verdict.dropped("rounding differences amplified: " + localized.message() + "; " + where);
        }
        Optional<String> subnormal = new SubnormalInputs(executor, tolerance).explain(tested, localized, node.get(),
                reference.get());
        if (subnormal.isPresent()) {
            return Verdict.dropped(subnormal.get() + "; " + localized.message() + "; " + where);
        }
        if (!tolerance.keepFloat16Overflow()) {
            Optional<String> overflow = new Float16AccumulationOverflow(executor, tolerance).explain(tested, localized,
                    node.get(), reference.get());
            if (overflow.isPresent()) {
                return Verdict.dropped(overflow.get() + "; " + localized.message() + "; " + where);
            }
        }
        if (float16PrecisionOnly(tested, localized, outcomes)) {
            return Verdict.dropped("float16 computed at a higher precision: " + localized.message() + "; " + where);
        }
        return Verdict.of(localized);
    }

    /**
     * A known-benign case: the outputs that differ are all float16-computed and the localization shows no wrong
     * operator, because the difference disappears once every intermediate value is a graph output, or because the
     * localized node run alone on the reference's inputs agrees. ONNX Runtime's CPU provider runs float16
     * operators that lack a float16 kernel in float32 between inserted casts and drops the casts between
     * consecutive operators, so a float16 chain is evaluated without rounding its intermediate values; the
     * difference is then the precision of float16 itself (made visible by a cancellation, a truncating cast to an
     * integer or a function of a large argument), not a wrong result.
     */
    private boolean float16PrecisionOnly(TestCase tested, Finding finding, Map<String, RunOutcome> outcomes) {
        if (finding.symptom() != Symptom.INCONSISTENCY || finding.localization().isEmpty()) {
            return false;
        }
        Localization where = finding.localization().get();
        if (!where.note().equals(Localization.DISAPPEARS) && !Boolean.FALSE.equals(where.nodeAloneDiverges())) {
            return false;
        }
        DivergingPair pair = finding.pair().get();
        Map<String, Tensor> actual = outcomes.get(pair.actual()).outputs();
        Map<String, Tensor> expected = pair.expected().equals(ReferenceBackend.NAME) ? tested.referenceOutputs()
                : outcomes.get(pair.expected()).outputs();
        Set<String> half = HalfPrecisionValues.of(tested.model());
        boolean anyDiffers = false;
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            Tensor got = actual.get(e.getKey());
            boolean differs = got == null || !Comparison.of(Map.of(e.getKey(), got), Map.of(e.getKey(), e.getValue()),
                    tolerance, half).agrees();
            if (differs && !half.contains(e.getKey()) && e.getValue().dtype() != DType.FLOAT16) {
                return false;
            }
            anyDiffers |= differs;
        }
        return anyDiffers;
    }

    /**
     * A known-benign case: the first diverging node computes correctly when run alone on the reference's values of
     * its inputs, and its inputs in the model already differed — within tolerance, or an earlier node would have
     * been blamed — so the engine's legitimate rounding upstream was amplified by an ill-conditioned operation (a
     * cosine of a large argument, a truncating cast of a value next to an integer). When the inputs were exactly
     * equal, the node is wrong only in context (a real bug, e.g. in a fused kernel) and the finding stands.
     */
    private static boolean amplifiedRounding(Finding finding) {
        Optional<Localization> where = finding.localization().filter(Localization::localized);
        return where.isPresent() && Boolean.FALSE.equals(where.get().nodeAloneDiverges())
                && where.get().inputMaxAbsError() > 0;
    }

    /** The node {@code finding} was localized to, when it was localized to one of the model's nodes. */
    private static Optional<Node> localizedNode(TestCase tested, Finding finding) {
        List<Node> nodes = tested.model().graph().nodes();
        return finding.localization().filter(Localization::localized).map(l -> l.node().index())
                .filter(index -> index < nodes.size()).map(nodes::get);
    }

    /**
     * The reference's value of every value of the model, once per finding for the filters below; empty when the
     * reference cannot trace the model.
     */
    private static Optional<Map<String, Tensor>> referenceValues(TestCase tested) {
        try {
            return Optional.of(Interpreter.standard().trace(tested.model(), tested.inputs()).values());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code node}, which an inconsistency was localized to, has no defined result on the reference's values of its inputs,
     * so that engines may differ and the finding is a false alarm: ONNX leaves the result undefined for those
     * values ({@link UndefinedResult}), or the reference fed NaN or an infinity to an operator that selects or
     * masks rather than computes. The input search keeps every intermediate value finite where it can; where it
     * could not, engines legitimately differ in how NaN passes a selection (a {@code PRelu} with a NaN slope for a
     * positive input gives the input in Crest's reference, which follows the operator's piecewise definition, and
     * NaN in an engine that blends both branches arithmetically; {@code Max} of NaN and a number). Arithmetic
     * operators propagate NaN by IEEE 754, so a divergence there stays a finding.
     */
    private static Optional<String> undefinedAt(Node node, Map<String, Tensor> reference) {
        if (SELECTING.contains(node.opType())) {
            for (String input : node.inputs()) {
                Tensor value = reference.get(input);
                if (value != null && value.dtype().isFloat() && Comparison.hasNonFinite(value)) {
                    return Optional.of("the reference's value of input '" + input + "' of " + node.opType() + " '"
                            + node.name() + "' holds NaN or an infinity");
                }
            }
        }
        if (!node.opType().equals("Cast") && !node.opType().equals("Pow")) {
            return Optional.empty();
        }
        return UndefinedResult.of(node, reference).map(why -> "undefined in ONNX: " + why);
    }

    private Finding localize(TestCase tested, Finding finding) {
        try {
            return new Localizer(executor, tolerance).localize(tested, finding);
        } catch (RuntimeException e) {
            // Localization is a help for triage; a failure in it must not lose the finding itself.
            return finding.symptom() == Symptom.INCONSISTENCY
                    ? finding.withLocalization(Localization.notLocalized(Localization.INTERMEDIATES,
                            finding.pair().get().actual(), finding.pair().get().expected(),
                            "localization failed: " + e))
                    : finding;
        }
    }

    private Verdict classify(TestCase tested, Map<String, RunOutcome> outcomes) {
        Map<String, Tensor> reference = tested.referenceOutputs();
        Set<String> half = null;
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
            if (half == null) {
                half = HalfPrecisionValues.of(tested.model());
            }
            if (!half.isEmpty()) {
                vsReference = Comparison.of(outcome.outputs(), reference, tolerance, half);
                if (vsReference.agrees()) {
                    continue;
                }
            }
            if (vsReference.expectedNonFinite()) {
                return Verdict.dropped(run.backend() + " disagrees with a reference output holding NaN or infinity ("
                        + vsReference.detail() + ")");
            }
            Optional<RunOutcome> baseline = run.baseline().map(outcomes::get);
            if (baseline.isPresent()) {
                Comparison vsBaseline = Comparison.of(outcome.outputs(), baseline.get().outputs(), tolerance, half);
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
