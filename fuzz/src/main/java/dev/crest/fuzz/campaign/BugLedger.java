package dev.crest.fuzz.campaign;

import dev.crest.fuzz.diff.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Deduplicates a campaign's findings by {@link BugSignature}: the first finding of each signature is saved (the
 * caller's saver runs only then) and later ones are only counted. Safe to use from several threads.
 */
public final class BugLedger {
    private final Map<BugSignature, UniqueBug> bugs = new LinkedHashMap<>();

    /** An empty ledger. */
    public BugLedger() {
    }

    /**
     * A ledger that already knows {@code known} (the bugs an earlier run of a resumed campaign saved), so findings
     * with their signatures are counted, not saved again.
     */
    public BugLedger(List<UniqueBug> known) {
        known.forEach(bug -> bugs.put(bug.signature(), bug));
    }

    /** Whether a recorded finding was a new bug, and the bug as it stands now. */
    public record Recorded(UniqueBug bug, boolean isNew) {
    }

    /**
     * Records {@code finding} from the model with {@code seed} under {@code signature}; when the signature is new,
     * {@code save} is called to store the finding and its folder is kept.
     */
    public synchronized Recorded record(BugSignature signature, Finding finding, long seed, Supplier<Path> save) {
        UniqueBug known = bugs.get(signature);
        if (known != null) {
            UniqueBug counted = new UniqueBug(signature, known.first(), known.folder(), known.seed(), known.count() + 1);
            bugs.put(signature, counted);
            return new Recorded(counted, false);
        }
        UniqueBug bug = new UniqueBug(signature, finding, save.get(), seed, 1);
        bugs.put(signature, bug);
        return new Recorded(bug, true);
    }

    /** The distinct bugs in the order they were first found. */
    public synchronized List<UniqueBug> bugs() {
        return new ArrayList<>(bugs.values());
    }

    /** The number of distinct bugs. */
    public synchronized int size() {
        return bugs.size();
    }
}
