package dev.crest.fuzz.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameBugTest {
    private static Finding exception(String backend, Stage stage, String message) {
        return new Finding(Symptom.EXCEPTION, stage, backend, "1", Optional.empty(), 0, 0, message, "");
    }

    private static Finding inconsistency(DivergingPair pair, String message) {
        return new Finding(Symptom.INCONSISTENCY, Stage.VERIFY, pair.actual(), "1", Optional.of(pair), 0.5, 0.1,
                message, "");
    }

    @Test
    void anExceptionMatchesWhenOnlyNamesAndNumbersDiffer() {
        Finding original = exception("ort", Stage.COMPILE, "Could not find an implementation for Cos(7) node 'n3'");

        assertThat(SameBug.matches(original,
                exception("ort", Stage.COMPILE, "Could not find an implementation for Cos(7) node 'op'"))).isTrue();
        assertThat(SameBug.matches(original,
                exception("ort", Stage.COMPILE, "Could not find an implementation for Sin(7) node 'n3'"))).isFalse();
        assertThat(SameBug.matches(original,
                exception("ort", Stage.EXECUTE, "Could not find an implementation for Cos(7) node 'n3'"))).isFalse();
        assertThat(SameBug.matches(original,
                exception("other", Stage.COMPILE, "Could not find an implementation for Cos(7) node 'n3'"))).isFalse();
    }

    @Test
    void anInconsistencyMatchesOnItsPairWhateverTheValues() {
        DivergingPair optPair = new DivergingPair("opt", "noopt", DivergingPair.Kind.OPT_VS_NOOPT);
        Finding original = inconsistency(optPair, "opt disagrees with noopt: output 'y' element 3: 1.5 vs 2.0");

        assertThat(SameBug.matches(original, inconsistency(optPair, "output 'd' element 0: 9 vs 1"))).isTrue();
        assertThat(SameBug.matches(original, inconsistency(
                new DivergingPair("opt", "reference", DivergingPair.Kind.BACKEND_VS_REFERENCE), "x"))).isFalse();
        assertThat(SameBug.matches(original, inconsistency(
                new DivergingPair("opt", "other", DivergingPair.Kind.OPT_VS_NOOPT), "x"))).isFalse();
        assertThat(SameBug.matches(original, exception("opt", Stage.VERIFY, "x"))).isFalse();
    }
}
