package dev.crest.fuzz.reduce;

import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a reduction produced: the smallest case that still shows the bug (the original when it did not reproduce),
 * the finding as that case shows it, and what the reduction achieved and cost.
 *
 * @param reduced the reduced case: model bytes, inputs and the reference outputs
 * @param finding the finding the reduced case gives (same symptom, stage, backend and pair as the original)
 * @param reproduced false when the original case no longer showed the bug, so nothing was reduced
 * @param nodesBefore node count of the original model
 * @param nodesAfter node count of the reduced model
 * @param operators the reduced model's operator types, one per node in topological order
 * @param elementsBefore elements in the original's required inputs and initializers
 * @param elementsAfter elements in the reduced case's required inputs and initializers
 * @param attempts candidates tested, the re-tests of the original included
 * @param elapsed the time the reduction took
 * @param cutShort true when the time budget ran out before the reduction was done
 */
public record ReductionResult(TestCase reduced, Finding finding, boolean reproduced, int nodesBefore, int nodesAfter,
        List<String> operators, long elementsBefore, long elementsAfter, int attempts, Duration elapsed,
        boolean cutShort) {
    public ReductionResult {
        Objects.requireNonNull(reduced);
        Objects.requireNonNull(finding);
        operators = List.copyOf(operators);
        Objects.requireNonNull(elapsed);
    }

    /** A one-line summary: {@code reduced 10 → 2 nodes (Conv, Add) in 4.2 s, 37 attempts}. */
    public String summary() {
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        if (!reproduced) {
            return "the finding did not reproduce, so nothing was reduced (" + attempts + " attempt"
                    + (attempts == 1 ? "" : "s") + ", " + seconds + ")";
        }
        return "reduced " + nodesBefore + " → " + nodesAfter + " node" + (nodesAfter == 1 ? "" : "s") + " ("
                + String.join(", ", operators) + ") in " + seconds + ", " + attempts + " attempts"
                + (cutShort ? " (time budget reached)" : "");
    }
}
