package dev.crest.fuzz.localize;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.diff.Comparison;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.HalfPrecisionValues;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.graph.Node;
import dev.crest.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Localizes findings. For an inconsistency it runs the model with every intermediate value exposed
 * ({@link ExposedModel}) on both runs of the diverging pair, through the same executor the tester uses (so native
 * backends stay in the isolated worker), and on the reference interpreter, and reports the first node in
 * topological order whose output differs under the tester's tolerance, looking only at elements where the
 * reference is finite. Exposing a value can stop an engine from fusing the operators around it; when the
 * divergence then disappears the finding is reported as not localized rather than pinned on a guess. For an
 * opt-versus-noopt pair it also says which side agrees with the reference at the node. For a crash or exception
 * it names the node the backend's error message names, when it names one (ONNX Runtime's do).
 */
public final class Localizer {
    private final BackendExecutor executor;
    private final Tolerance tolerance;

    /** A localizer running backends through {@code executor} and comparing under {@code tolerance}. */
    public Localizer(BackendExecutor executor, Tolerance tolerance) {
        this.executor = executor;
        this.tolerance = tolerance;
    }

    /**
     * {@code finding} with its localization, when there is one to say: always for an inconsistency (localized or
     * why not), for a crash or exception only when the error message names a node of the model.
     * {@code testCase} must carry the reference outputs.
     */
    public Finding localize(TestCase testCase, Finding finding) {
        if (finding.symptom() == Symptom.INCONSISTENCY) {
            return finding.withLocalization(localizeInconsistency(testCase, finding.pair().orElseThrow()));
        }
        return ErrorMessageNode.find(testCase.model(), finding)
                .map(finding::withLocalization).orElse(finding);
    }

    /** The first node whose output differs between the pair's runs on {@code testCase}. */
    public Localization localizeInconsistency(TestCase testCase, DivergingPair pair) {
        String actual = pair.actual();
        String expected = pair.expected();
        ExposedModel exposed;
        try {
            exposed = ExposedModel.of(testCase.model(), testCase.inputs());
        } catch (RuntimeException e) {
            return Localization.notLocalized(Localization.INTERMEDIATES, actual, expected,
                    "the intermediate values could not be exposed: " + e.getMessage());
        }
        Map<String, RunOutcome> outcomes = new LinkedHashMap<>();
        for (String backend : List.of(ReferenceBackend.NAME, actual, expected)) {
            if (!outcomes.containsKey(backend)) {
                RunOutcome outcome = executor.execute(backend, exposed.bytes(), testCase.inputs());
                if (!outcome.succeeded()) {
                    return Localization.notLocalized(Localization.INTERMEDIATES, actual, expected,
                            "with its intermediate values exposed the model fails on " + backend + " at "
                                    + outcome.stage().label() + ": " + outcome.message());
                }
                outcomes.put(backend, outcome);
            }
        }
        Map<String, Tensor> reference = outcomes.get(ReferenceBackend.NAME).outputs();
        Map<String, Tensor> actualValues = outcomes.get(actual).outputs();
        Map<String, Tensor> expectedValues = outcomes.get(expected).outputs();
        Set<String> half = HalfPrecisionValues.of(testCase.model(), exposed.types());

        Set<String> outputNames = new LinkedHashSet<>();
        testCase.model().graph().outputs().forEach(o -> outputNames.add(o.name()));
        if (Comparison.whereReferenceFinite(select(actualValues, outputNames), select(expectedValues, outputNames),
                reference, tolerance, half).agrees()) {
            return Localization.notLocalized(Localization.INTERMEDIATES, actual, expected, Localization.DISAPPEARS);
        }
        List<Node> nodes = exposed.nodes();
        for (int index = 0; index < nodes.size(); index++) {
            Node node = nodes.get(index);
            for (String out : node.outputs()) {
                if (out.isEmpty() || !expectedValues.containsKey(out)) {
                    continue;
                }
                Map<String, Tensor> want = Map.of(out, expectedValues.get(out));
                Map<String, Tensor> got = actualValues.containsKey(out) ? Map.of(out, actualValues.get(out)) : Map.of();
                Comparison there = Comparison.whereReferenceFinite(got, want, reference, tolerance, half);
                if (!there.agrees()) {
                    Boolean actualOk = null;
                    Boolean expectedOk = null;
                    if (pair.kind() == DivergingPair.Kind.OPT_VS_NOOPT && reference.containsKey(out)) {
                        Map<String, Tensor> truth = Map.of(out, reference.get(out));
                        actualOk = Comparison.whereReferenceFinite(got, truth, reference, tolerance, half).agrees();
                        expectedOk = Comparison.whereReferenceFinite(want, truth, reference, tolerance, half).agrees();
                    }
                    Map<String, Tensor> known = new LinkedHashMap<>(testCase.model().graph().initializers());
                    known.putAll(testCase.inputs());
                    known.putAll(reference);
                    double inputAbs = 0;
                    double inputRel = 0;
                    for (String in : node.inputs()) {
                        if (actualValues.containsKey(in) && expectedValues.containsKey(in)) {
                            Comparison input = Comparison.whereReferenceFinite(Map.of(in, actualValues.get(in)),
                                    Map.of(in, expectedValues.get(in)), reference, tolerance, half);
                            inputAbs = Math.max(inputAbs, input.maxAbsError());
                            inputRel = Math.max(inputRel, input.maxRelError());
                        }
                    }
                    Boolean alone = IsolatedNode.diverges(executor, tolerance, testCase.model(), node, known, half,
                            actual, expected).orElse(null);
                    return new Localization(Localization.INTERMEDIATES, actual, expected,
                            NodeFacts.of(node, index, known, exposed.types()), out, there.maxAbsError(),
                            there.maxRelError(), there.detail(), actualOk, expectedOk, "", inputAbs, inputRel, alone);
                }
            }
        }
        // The original outputs differ but no node's output does: only possible when the difference sits in
        // elements the reference has as non-finite on the way, which the comparison above skipped differently.
        return Localization.notLocalized(Localization.INTERMEDIATES, actual, expected,
                "no node's output differs where the reference is finite");
    }

    private static Map<String, Tensor> select(Map<String, Tensor> values, Set<String> names) {
        Map<String, Tensor> selected = new LinkedHashMap<>();
        for (String name : names) {
            Optional.ofNullable(values.get(name)).ifPresent(v -> selected.put(name, v));
        }
        return selected;
    }
}
