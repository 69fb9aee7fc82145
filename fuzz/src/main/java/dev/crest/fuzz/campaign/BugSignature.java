package dev.crest.fuzz.campaign;

import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.MessageNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes two findings the same bug: symptom, stage, the backend responsible, the diverging pair of an
 * inconsistency, and the error message normalized by {@link MessageNormalizer}; once an inconsistency is
 * localized, also the operator it was narrowed down to and that operator's dtype (empty until then).
 *
 * @param symptom the symptom label
 * @param stage the stage label
 * @param backend the backend that failed or disagreed
 * @param pair the diverging pair as {@code actual vs expected (kind)} for an inconsistency, empty otherwise
 * @param normalizedMessage the message with numbers, names and addresses stripped
 * @param localizedOperator the operator an inconsistency was localized to, with its dtype (e.g. {@code Conv(float32)})
 */
public record BugSignature(String symptom, String stage, String backend, Optional<String> pair,
        String normalizedMessage, Optional<String> localizedOperator) {
    public BugSignature {
        Objects.requireNonNull(symptom);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(pair);
        Objects.requireNonNull(normalizedMessage);
        Objects.requireNonNull(localizedOperator);
    }

    /**
     * The signature of a finding: for an inconsistency localized to a node, the operator and dtype there
     * ({@link Finding#localizedOperator()}) are part of it, so the same wrong operator found through different
     * models is one bug and different wrong operators are different bugs.
     */
    public static BugSignature of(Finding finding) {
        return new BugSignature(finding.symptom().label(), finding.stage().label(), finding.backend(),
                finding.pair().map(Object::toString), MessageNormalizer.normalize(finding.message()),
                finding.localizedOperator());
    }

    /** This signature with the operator an inconsistency was localized to. */
    public BugSignature withLocalizedOperator(String operatorAndDtype) {
        return new BugSignature(symptom, stage, backend, pair, normalizedMessage, Optional.of(operatorAndDtype));
    }

    /** A short stable identifier: the first 12 hex digits of the SHA-256 of every field. */
    public String id() {
        String key = String.join("\u0000", symptom, stage, backend, pair.orElse(""), normalizedMessage,
                localizedOperator.orElse(""));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
