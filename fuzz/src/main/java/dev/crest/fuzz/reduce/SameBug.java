package dev.crest.fuzz.reduce;

import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.MessageNormalizer;
import dev.crest.fuzz.diff.Symptom;

/**
 * The reducer's notion of "still the same bug": a candidate finding matches the original when it has the same
 * symptom, the same stage, the same backend and the same diverging pair (both runs and the pair's kind, for an
 * inconsistency), and, for a crash or an exception, the same error message once {@link MessageNormalizer} has
 * stripped names, numbers and addresses from both. Inconsistencies and timeouts carry no comparable message: their
 * text holds the very values and output names that reduction changes.
 */
public final class SameBug {
    private SameBug() {
    }

    /** True when {@code candidate} is the bug {@code original} shows. */
    public static boolean matches(Finding original, Finding candidate) {
        if (original.symptom() != candidate.symptom() || original.stage() != candidate.stage()
                || !original.backend().equals(candidate.backend()) || !original.pair().equals(candidate.pair())) {
            return false;
        }
        if (original.symptom() == Symptom.CRASH || original.symptom() == Symptom.EXCEPTION) {
            return MessageNormalizer.normalize(original.message()).equals(MessageNormalizer.normalize(candidate.message()));
        }
        return true;
    }
}
