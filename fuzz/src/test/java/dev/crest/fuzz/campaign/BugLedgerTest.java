package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BugLedgerTest {
    private static Finding inconsistency(String backend, DivergingPair.Kind kind, String detail) {
        DivergingPair pair = new DivergingPair(backend, kind == DivergingPair.Kind.OPT_VS_NOOPT ? "ort-noopt"
                : "reference", kind);
        return new Finding(Symptom.INCONSISTENCY, Stage.VERIFY, backend, "1.0", Optional.of(pair), 1, 1,
                backend + " disagrees with " + pair.expected() + ": " + detail, "");
    }

    private static Finding exception(String message) {
        return new Finding(Symptom.EXCEPTION, Stage.COMPILE, "ort-opt", "1.0", Optional.empty(), 0, 0, message, "");
    }

    @Test
    void savesTheFirstOfEachSignatureAndCountsTheRest() {
        BugLedger ledger = new BugLedger();
        AtomicInteger saves = new AtomicInteger();
        Finding a = inconsistency("ort-opt", DivergingPair.Kind.OPT_VS_NOOPT, "output 'y' element 3: 1 vs 2");
        Finding b = inconsistency("ort-opt", DivergingPair.Kind.OPT_VS_NOOPT, "output 'z' element 0: 5.5 vs 0.25");
        Finding c = exception("Node (n3) Op (Conv) failed");

        BugLedger.Recorded first = ledger.record(BugSignature.of(a), a, 11, () -> Path.of("bug-" + saves.incrementAndGet()));
        BugLedger.Recorded repeat = ledger.record(BugSignature.of(b), b, 12, () -> Path.of("bug-" + saves.incrementAndGet()));
        BugLedger.Recorded other = ledger.record(BugSignature.of(c), c, 13, () -> Path.of("bug-" + saves.incrementAndGet()));

        assertThat(first.isNew()).isTrue();
        assertThat(repeat.isNew()).isFalse();
        assertThat(other.isNew()).isTrue();
        assertThat(saves).hasValue(2);
        assertThat(ledger.bugs()).extracting(UniqueBug::count).containsExactly(2L, 1L);
        assertThat(ledger.bugs().get(0).folder()).isEqualTo(Path.of("bug-1"));
        assertThat(ledger.bugs().get(0).seed()).isEqualTo(11);
        assertThat(ledger.bugs().get(0).first()).isEqualTo(a);
    }

    @Test
    void pairKindAndSymptomSeparateBugsWithTheSameMessage() {
        Finding opt = inconsistency("ort-opt", DivergingPair.Kind.OPT_VS_NOOPT, "output 'y' element 3: 1 vs 2");
        Finding backendWide = inconsistency("ort-opt", DivergingPair.Kind.BACKEND_VS_REFERENCE,
                "output 'y' element 3: 1 vs 2");
        assertThat(BugSignature.of(opt)).isNotEqualTo(BugSignature.of(backendWide));
        assertThat(BugSignature.of(opt).id()).isNotEqualTo(BugSignature.of(backendWide).id()).hasSize(12);
    }

    @Test
    void aLocalizedOperatorRefinesTheSignature() {
        Finding f = inconsistency("ort-opt", DivergingPair.Kind.OPT_VS_NOOPT, "output 'y' element 3: 1 vs 2");
        BugSignature plain = BugSignature.of(f);
        assertThat(plain.withLocalizedOperator("Conv(float32)")).isNotEqualTo(plain);
        assertThat(plain.withLocalizedOperator("Conv(float32)"))
                .isEqualTo(BugSignature.of(f).withLocalizedOperator("Conv(float32)"));
        assertThat(plain.withLocalizedOperator("Conv(float32)").id())
                .isNotEqualTo(plain.withLocalizedOperator("Conv(float16)").id());
    }
}
