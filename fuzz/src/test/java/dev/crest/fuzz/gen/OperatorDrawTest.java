package dev.crest.fuzz.gen;

import dev.crest.fuzz.spec.OpFamily;
import dev.crest.fuzz.spec.OpInstance;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.fuzz.spec.Signature;
import dev.crest.fuzz.spec.SpecContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorDrawTest {
    @Test
    void everyFamilyIsDrawnEquallyOftenWhateverItsSize() {
        List<OpSpec> specs = List.copyOf(OpSpecs.standard().all());
        long families = specs.stream().map(OpSpec::family).distinct().count();
        OperatorChooser chooser = new OperatorChooser(specs, 17);
        SplittableRandom random = new SplittableRandom(5);
        Map<OpFamily, Integer> draws = new EnumMap<>(OpFamily.class);
        int total = 14_000;
        for (int i = 0; i < total; i++) {
            draws.merge(chooser.next(random).family(), 1, Integer::sum);
        }
        assertThat(draws).hasSize((int) families);
        double expected = (double) total / families;
        // Binomial standard deviation is below 30 draws here; 4 of them is a safe band.
        assertThat(draws.values()).allSatisfy(n -> assertThat((double) n).isBetween(expected - 120, expected + 120));
    }

    @Test
    void operatorsNewerThanTheOpsetAreNeverDrawn() {
        OperatorChooser chooser = new OperatorChooser(List.of(fake("Old", 1, r -> true), fake("New", 20, r -> true)),
                17);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertThat(chooser.next(random).opType()).isEqualTo("Old");
        }
    }

    @Test
    void rankTuplesAreAllAcceptedCombinationsUpToFourInputsAndTwoValuedBeyond() {
        RankTuples tuples = new RankTuples(5);
        assertThat(tuples.of(fake("Any", 1, r -> true), 2)).hasSize(36);
        assertThat(tuples.of(fake("Any", 1, r -> true), 4)).hasSize(6 * 6 * 6 * 6);
        assertThat(tuples.of(fake("Four", 1, r -> r[0] == 4), 1)).containsExactly(new int[] {4});
        // Six inputs: tuples of at most two distinct ranks, each once.
        List<int[]> equal = new RankTuples(5).of(fake("Equal", 1, r -> Arrays.stream(r).distinct().count() == 1), 6);
        assertThat(equal).hasSize(6);
        List<int[]> twoValued = new RankTuples(2).of(fake("Any", 1, r -> true), 6);
        // 3 all-equal tuples + 3 pairs of ranks × (2^6 − 2) mixed assignments.
        assertThat(twoValued).hasSize(3 + 3 * 62);
        assertThat(twoValued.stream().map(Arrays::toString).distinct().count()).isEqualTo(twoValued.size());
        assertThat(new RankTuples(2).of(fake("Any", 1, r -> true), 2)).allSatisfy(t ->
                assertThat(Arrays.stream(t).max().orElse(0)).isLessThanOrEqualTo(2));
    }

    private static OpSpec fake(String name, int since, Predicate<int[]> ranks) {
        return new OpSpec() {
            @Override
            public String opType() {
                return name;
            }

            @Override
            public OpFamily family() {
                return OpFamily.UNARY_MATH;
            }

            @Override
            public int[] inputCounts() {
                return new int[] {1};
            }

            @Override
            public List<Signature> signatures(int inputCount) {
                return List.of();
            }

            @Override
            public boolean acceptsRanks(int[] inputRanks) {
                return ranks.test(inputRanks);
            }

            @Override
            public int sinceOpset() {
                return since;
            }

            @Override
            public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
                throw new UnsupportedOperationException("never instantiated in these tests");
            }
        };
    }
}
