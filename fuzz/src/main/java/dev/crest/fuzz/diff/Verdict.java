package dev.crest.fuzz.diff;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one differential test: the backends agree ({@link Kind#PASS}), the case proves nothing
 * ({@link Kind#DROPPED}: the reference failed or produced non-finite values where backends disagree, the false
 * alarms NNSmith filters), or a {@link Finding}.
 *
 * @param kind pass, dropped or finding
 * @param finding the finding when {@code kind} is {@link Kind#FINDING}
 * @param reason why a case was dropped (empty otherwise)
 */
public record Verdict(Kind kind, Optional<Finding> finding, String reason) {
    /** The three possible outcomes. */
    public enum Kind {
        PASS, DROPPED, FINDING
    }

    public Verdict {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(finding);
        Objects.requireNonNull(reason);
        if ((kind == Kind.FINDING) != finding.isPresent()) {
            throw new IllegalArgumentException("a verdict has a finding exactly when its kind is FINDING");
        }
    }

    /** All backends agree with the reference. */
    public static Verdict pass() {
        return new Verdict(Kind.PASS, Optional.empty(), "");
    }

    /** The case cannot tell right from wrong. */
    public static Verdict dropped(String reason) {
        return new Verdict(Kind.DROPPED, Optional.empty(), reason);
    }

    /** A problem was found. */
    public static Verdict of(Finding finding) {
        return new Verdict(Kind.FINDING, Optional.of(finding), "");
    }

    /** True when this verdict carries a finding. */
    public boolean isFinding() {
        return kind == Kind.FINDING;
    }
}
