package dev.crest.fuzz.campaign;

import dev.crest.fuzz.diff.Finding;
import java.nio.file.Path;

/**
 * One distinct bug a campaign found: its signature, the first finding with that signature (the one saved), where
 * it was saved and from which model seed, and how many findings in all had the signature.
 *
 * @param signature what identifies the bug
 * @param first the first finding with this signature
 * @param folder the folder the first finding was saved to
 * @param seed the seed of the model that revealed it first
 * @param count findings with this signature, the first included
 */
public record UniqueBug(BugSignature signature, Finding first, Path folder, long seed, long count) {
    /** The signature's short identifier. */
    public String id() {
        return signature.id();
    }
}
