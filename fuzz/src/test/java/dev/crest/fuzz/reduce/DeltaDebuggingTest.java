package dev.crest.fuzz.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DeltaDebuggingTest {
    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void findsTheTwoElementsThatTogetherCauseTheFailure() {
        List<List<Integer>> tested = new ArrayList<>();
        DeltaDebugging<Integer> dd = new DeltaDebugging<>(c -> {
            tested.add(c);
            return c.contains(3) && c.contains(7);
        }, () -> false);

        assertThat(dd.minimize(upTo(10))).containsExactly(3, 7);
        assertThat(dd.cutShort()).isFalse();
        assertThat(tested).doesNotHaveDuplicates().noneMatch(List::isEmpty);
    }

    @Property(tries = 50)
    void theResultIsOneMinimal(@ForAll @IntRange(min = 1, max = 24) int size,
            @ForAll @IntRange(min = 0, max = 1 << 20) int mask) {
        // Passes when at least two of the "needed" elements are present (or all of them, when fewer exist).
        List<Integer> needed = upTo(size).stream().filter(i -> (mask >> (i % 20) & 1) == 1).toList();
        int quorum = Math.min(2, needed.size());
        java.util.function.Predicate<List<Integer>> passes =
                c -> c.stream().filter(needed::contains).count() >= quorum;
        DeltaDebugging<Integer> dd = new DeltaDebugging<>(passes, () -> false);

        List<Integer> result = dd.minimize(upTo(size));

        assertThat(passes.test(result)).isTrue();
        if (result.size() > 1) {
            for (Integer removed : result) {
                List<Integer> smaller = new ArrayList<>(result);
                smaller.remove(removed);
                assertThat(passes.test(smaller)).as("removing %s from %s", removed, result).isFalse();
            }
        }
        assertThat(result.size()).isLessThanOrEqualTo(Math.max(quorum, 1));
    }

    @Test
    void stopsWithWhatItHasWhenTheTimeIsUp() {
        int[] calls = {0};
        DeltaDebugging<Integer> dd = new DeltaDebugging<>(c -> ++calls[0] > 0 && c.contains(5), () -> calls[0] >= 2);

        List<Integer> result = dd.minimize(upTo(10));

        assertThat(calls[0]).isEqualTo(2);
        assertThat(dd.cutShort()).isTrue();
        assertThat(result).contains(5);
    }
}
