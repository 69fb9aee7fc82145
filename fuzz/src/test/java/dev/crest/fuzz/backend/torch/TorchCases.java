package dev.crest.fuzz.backend.torch;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.campaign.GeneratedCaseSource;
import dev.crest.fuzz.campaign.PreparedCase;
import dev.crest.fuzz.diff.Comparison;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.search.GradientSearch;
import dev.crest.fuzz.search.SearchSettings;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.tensor.Tensor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test cases the way a campaign builds them (solver-generated model, gradient input search, reference
 * outputs), run through the torch backend in process and compared with the reference under the campaign's
 * tolerance.
 */
final class TorchCases {
    /** What one case showed: the comparison, or why it was not comparable (generation or reference failed). */
    record Result(String description, Optional<Comparison> comparison, String skipped) {
        boolean compared() {
            return comparison.isPresent();
        }
    }

    private TorchCases() {
    }

    /** The specs of the operators the torch backend translates. */
    static List<OpSpec> translatedSpecs() {
        return OpSpecs.standard().all().stream().filter(s -> TorchOps.get(s.opType()).isPresent()).toList();
    }

    /** Generates a case with {@code nodes} nodes from {@code specs} at {@code opset} and compares torch with the reference. */
    static Result run(Backend torch, List<OpSpec> specs, int nodes, int opset, long seed) {
        GeneratorSettings generator = GeneratorSettings.defaults(seed).withNodes(nodes).withOpset(opset)
                .withOperators(specs);
        SearchSettings search = SearchSettings.defaults().withBudget(Duration.ofHours(1)).withMaxIterations(30);
        PreparedCase prepared = new GeneratedCaseSource(generator, new GradientSearch(), search).prepare(seed);
        if (prepared.testCase().isEmpty()) {
            return new Result("seed " + seed, Optional.empty(), "generation failed: " + prepared.failure());
        }
        TestCase testCase = prepared.testCase().get();
        String description = "seed " + seed + " " + testCase.model().graph().nodes().stream()
                .map(n -> n.opType() + n.attributes()).toList() + " inputs " + shapes(testCase.inputs());
        if (testCase.referenceOutputs().isEmpty()) {
            return new Result(description, Optional.empty(), "the reference refused the case");
        }
        Map<String, Tensor> actual;
        try (Backend.Compiled compiled = torch.compile(testCase.modelBytes())) {
            actual = torch.run(compiled, testCase.inputs());
        } catch (RuntimeException e) {
            throw new AssertionError(description + ": torch failed: " + e.getMessage(), e);
        }
        return new Result(description, Optional.of(Comparison.of(actual, testCase.referenceOutputs(),
                Tolerance.DEFAULT)), "");
    }

    private static String shapes(Map<String, Tensor> tensors) {
        StringBuilder out = new StringBuilder();
        tensors.forEach((name, t) -> out.append(name).append(':').append(t.dtype().displayName())
                .append(t.shape()).append(' '));
        return out.toString().trim();
    }
}
