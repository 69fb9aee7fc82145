package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SeedSequenceTest {
    private static List<Long> draws(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        return Stream.generate(random::nextLong).limit(count).toList();
    }

    private static List<SeedSequence.Claim> claimAll(SeedSequence sequence) {
        List<SeedSequence.Claim> claims = new ArrayList<>();
        for (var claim = sequence.claim(); claim.isPresent(); claim = sequence.claim()) {
            claims.add(claim.get());
        }
        return claims;
    }

    @Test
    void modelIGetsTheIthDrawAndNothingBeyondTheCount() {
        List<SeedSequence.Claim> claims = claimAll(new SeedSequence(9, 5, SeedSequence.Finished.none()));
        assertThat(claims).extracting(SeedSequence.Claim::index).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(claims).extracting(SeedSequence.Claim::seed).containsExactlyElementsOf(draws(9, 5));
    }

    @Test
    void finishedModelsAreAPrefixPlusThoseFinishedOutOfOrder() {
        SeedSequence sequence = new SeedSequence(9, 10, SeedSequence.Finished.none());
        claimAll(sequence);
        sequence.finish(1);
        sequence.finish(0);
        sequence.finish(3);
        sequence.finish(5);
        assertThat(sequence.finished()).isEqualTo(new SeedSequence.Finished(2, List.of(3L, 5L)));
        sequence.finish(2);
        assertThat(sequence.finished()).isEqualTo(new SeedSequence.Finished(4, List.of(5L)));
        assertThat(sequence.finished().count()).isEqualTo(5);
    }

    @Test
    void aResumedSequenceHandsOutExactlyTheUnfinishedModelsWithTheirOriginalSeeds() {
        SeedSequence resumed = new SeedSequence(9, 8, new SeedSequence.Finished(3, List.of(4L, 6L)));
        List<Long> seeds = draws(9, 8);
        assertThat(claimAll(resumed)).containsExactly(new SeedSequence.Claim(3, seeds.get(3)),
                new SeedSequence.Claim(5, seeds.get(5)), new SeedSequence.Claim(7, seeds.get(7)));
        resumed.finish(3);
        assertThat(resumed.finished()).isEqualTo(new SeedSequence.Finished(5, List.of(6L)));
    }
}
