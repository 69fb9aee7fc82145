package dev.crest.ame.run;

import dev.crest.ame.AmeException;
import java.util.List;
import java.util.stream.Collectors;

/** What a run did: how many submodels it trained, how many it skipped as already finished, and what failed. */
public record RunSummary(int trained, int skipped, List<SubmodelFailure> failures) {
    public RunSummary {
        failures = List.copyOf(failures);
    }

    /** Throws an {@link AmeException} naming every failed submodel, so none is silently counted as zero. */
    public void throwIfFailed() {
        if (!failures.isEmpty()) {
            throw new AmeException(failures.size() + " submodel(s) failed after a retry; first: "
                    + failures.get(0).describe() + "; failed indices: " + failures.stream()
                            .map(f -> Integer.toString(f.index())).collect(Collectors.joining(",")),
                    failures.get(0).cause());
        }
    }
}
