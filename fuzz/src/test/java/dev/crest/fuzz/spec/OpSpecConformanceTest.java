package dev.crest.fuzz.spec;

import dev.crest.tensor.kernel.KernelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every registered spec against Crest's reference kernels: for random signatures, ranks and solver
 * seeds, the output types the spec promises are the ones the kernel computes on inputs of the solved shapes.
 */
class OpSpecConformanceTest {
    /** Trials per operator, spread over the opsets a generated model may declare. */
    private static final int TRIALS = 5;
    /** The oldest opset the reference interpreter runs. */
    private static final int OLDEST_OPSET = 7;

    static Stream<String> operators() {
        return OpSpecs.standard().all().stream().map(OpSpec::opType);
    }

    @ParameterizedTest
    @MethodSource("operators")
    void promisedOutputTypesAreTheKernelsOutputTypes(String opType) {
        OpSpec spec = OpSpecs.standard().get(opType);
        SplittableRandom random = new SplittableRandom(opType.hashCode());
        List<Integer> opsets = List.of(17, 17, Math.max(spec.sinceOpset(), OLDEST_OPSET), 18, KernelRegistry.OPSET)
                .stream()
                .filter(o -> o >= spec.sinceOpset()).toList();
        for (int trial = 0; trial < TRIALS; trial++) {
            SpecTrial.Outcome outcome = SpecTrial.run(spec, random.split(), opsets.get(trial % opsets.size()));
            assertThat(outcome.actualShapes()).as(outcome.description()).isEqualTo(outcome.prepared().expectedShapes());
            assertThat(outcome.actualDTypes()).as(outcome.description()).isEqualTo(outcome.prepared().expectedDTypes());
        }
    }

    @Test
    void everyKernelOperatorHasASpec() {
        List<String> specified = operators().sorted().toList();
        assertThat(specified).isEqualTo(KernelRegistry.standard().opTypes());
    }

    @Test
    void exactlyTheSevenDomainLimitedOperatorsAreMarked() {
        List<String> limited = OpSpecs.standard().all().stream().filter(OpSpec::domainLimited)
                .map(OpSpec::opType).sorted().toList();
        assertThat(limited).containsExactly("Acos", "Asin", "Div", "Log", "Pow", "Reciprocal", "Sqrt");
    }
}
