package dev.crest.fuzz.reduce;

import dev.crest.fuzz.diff.Comparison;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.Tensor;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a candidate still shows the original bug: the reference interpreter runs it in this process
 * (a candidate it cannot run, or whose outputs hold NaN or an infinity, is rejected before any backend sees it,
 * since such a case cannot tell right from wrong), then the {@link DifferentialTester} runs the same backend runs
 * against those reference outputs, and {@link SameBug} compares the verdict's finding with the original.
 */
final class CandidateTester {
    /** A candidate that still shows the bug: the complete test case and the finding as it shows now. */
    record Accepted(TestCase testCase, Finding finding) {
    }

    private final DifferentialTester tester;
    private final Interpreter reference = Interpreter.standard();
    private final Finding original;
    private final long seed;
    private final Map<String, String> provenance;
    private int attempts;

    CandidateTester(DifferentialTester tester, Finding original, long seed, Map<String, String> provenance) {
        this.tester = tester;
        this.original = original;
        this.seed = seed;
        this.provenance = Map.copyOf(provenance);
    }

    /** How many candidates were tested so far. */
    int attempts() {
        return attempts;
    }

    /** Tests an already complete case as it is (the stored finding), counting it as an attempt. */
    Optional<Accepted> testAsIs(TestCase testCase) {
        attempts++;
        return retest(testCase);
    }

    /** Tests {@code candidate}; empty when it does not show the original bug. */
    Optional<Accepted> test(Candidate candidate) {
        attempts++;
        Model loose = withOutputTypes(candidate.model(), Map.of());
        Map<String, Tensor> outputs;
        try {
            outputs = reference.run(loose, candidate.inputs());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (outputs.values().stream().anyMatch(Comparison::hasNonFinite)) {
            return Optional.empty();
        }
        Model model = withOutputTypes(candidate.model(), outputs);
        TestCase testCase = TestCase.of(model, candidate.inputs(), outputs, seed).withProvenance(provenance);
        return retest(testCase);
    }

    private Optional<Accepted> retest(TestCase testCase) {
        return tester.test(testCase).verdict().finding().filter(f -> SameBug.matches(original, f))
                .map(f -> new Accepted(testCase, f));
    }

    /**
     * The model with each fully known output type replaced: by the shape computed in {@code outputs} when given,
     * else by unknown dimensions of the same rank, so that a candidate whose shapes shrank still type-checks.
     * Outputs declared with symbolic or unknown dimensions keep their declaration.
     */
    private static Model withOutputTypes(Model model, Map<String, Tensor> outputs) {
        Graph graph = model.graph();
        Graph.Builder b = graph.toBuilder().clearOutputs();
        for (ValueInfo out : graph.outputs()) {
            TensorType type = out.type();
            boolean replaceable = type.isFullyKnown() || (type.hasRank()
                    && type.dims().stream().allMatch(d -> !d.isKnown() && !d.isSymbolic()));
            if (!replaceable) {
                b.output(out);
            } else if (outputs.containsKey(out.name())) {
                Tensor value = outputs.get(out.name());
                b.output(out.name(), TensorType.of(value.dtype(), value.shape()));
            } else {
                List<Dim> unknown = Collections.nCopies(type.dims().size(), Dim.unknown());
                b.output(out.name(), new TensorType(type.dtype(), unknown));
            }
        }
        return model.toBuilder().graph(b.build()).build();
    }
}
