package dev.crest.fuzz.localize;

import java.util.Locale;
import java.util.Objects;

/**
 * Where in the model a finding comes from, or why that could not be told. For an inconsistency it names the first
 * node, in topological order, whose output differs between the two runs compared once every intermediate value was
 * exposed as a graph output, with the errors there; for a crash or exception, the node the backend's error message
 * names. Written into {@code meta.json} as the {@code localization} object (field names are the JSON keys).
 *
 * @param method how the node was found: {@value #INTERMEDIATES} or {@value #ERROR_MESSAGE}
 * @param actual the run under suspicion (its exposed intermediates were compared)
 * @param expected the run it was compared with (empty for {@value #ERROR_MESSAGE})
 * @param node the localized node, or null when the finding could not be localized
 * @param output the node's first diverging output (null unless localized by intermediates)
 * @param maxAbsError the largest absolute error at that output, over elements where the reference is finite
 * @param maxRelError the largest relative error at that output
 * @param detail the first element that differs there ("output 'v3' element 2: 1.5 vs 0.5"), or empty
 * @param actualAgreesWithReference for an optimized-versus-unoptimized pair: whether the actual run's value there
 *     agrees with the reference interpreter's (null for other pairs), telling which side of the pair is wrong
 * @param expectedAgreesWithReference the same for the expected run
 * @param note why the finding was not localized, or a caveat; empty when there is nothing to add
 * @param inputMaxAbsError the largest absolute error between the two runs over the node's inputs (within the
 *     tolerance, or the node would not be the first): non-zero means the node may amplify a small difference
 *     (a truncating cast, a function near a pole) rather than compute wrongly
 * @param inputMaxRelError the largest relative error over the node's inputs
 * @param nodeAloneDiverges whether the node, run alone on the reference's values of its inputs, still diverges
 *     between the two runs; false means the operator is right and the divergence comes from the values the engine
 *     fed it inside the model (e.g. float16 kept at float32 precision); null when not checked
 */
public record Localization(String method, String actual, String expected, LocalizedNode node, String output,
        double maxAbsError, double maxRelError, String detail, Boolean actualAgreesWithReference,
        Boolean expectedAgreesWithReference, String note, double inputMaxAbsError, double inputMaxRelError,
        Boolean nodeAloneDiverges) {
    /** Localized by comparing exposed intermediate values. */
    public static final String INTERMEDIATES = "intermediates";
    /** Localized by the node named in the backend's error message. */
    public static final String ERROR_MESSAGE = "error-message";
    /** The note when exposing intermediates makes the divergence go away (e.g. it blocked a fusion). */
    public static final String DISAPPEARS = "the divergence disappears when intermediates are exposed";

    public Localization {
        Objects.requireNonNull(method);
        Objects.requireNonNull(actual);
        Objects.requireNonNull(expected);
        detail = detail == null ? "" : detail;
        note = note == null ? "" : note;
    }

    /** A localization without input errors (the inputs of the node agree exactly, or were not compared). */
    public Localization(String method, String actual, String expected, LocalizedNode node, String output,
            double maxAbsError, double maxRelError, String detail, Boolean actualAgreesWithReference,
            Boolean expectedAgreesWithReference, String note) {
        this(method, actual, expected, node, output, maxAbsError, maxRelError, detail, actualAgreesWithReference,
                expectedAgreesWithReference, note, 0, 0, null);
    }

    /** This localization with the result of re-running the node alone. */
    public Localization withNodeAloneDiverges(boolean value) {
        return new Localization(method, actual, expected, node, output, maxAbsError, maxRelError, detail,
                actualAgreesWithReference, expectedAgreesWithReference, note, inputMaxAbsError, inputMaxRelError,
                value);
    }

    /** A finding that could not be localized, and why. */
    public static Localization notLocalized(String method, String actual, String expected, String why) {
        return new Localization(method, actual, expected, null, null, 0, 0, "", null, null, why);
    }

    /** True when a node was found. */
    public boolean localized() {
        return node != null;
    }

    /**
     * The localized operator with its dtype, as deduplication keys bugs: {@code Conv(float32)}, or
     * {@code Cast(float32->int64)} when the node's first input has another dtype than the output; empty text when
     * not localized.
     */
    public String operatorWithDtype() {
        if (node == null) {
            return "";
        }
        TypedValue out = node.outputs().stream().filter(o -> o.name().equals(output)).findFirst()
                .orElse(node.outputs().isEmpty() ? null : node.outputs().get(0));
        if (out == null) {
            return node.operator();
        }
        String in = node.inputs().isEmpty() ? out.dtype() : node.inputs().get(0).dtype();
        return node.operator() + "(" + (in.equals(out.dtype()) ? out.dtype() : in + "->" + out.dtype()) + ")";
    }

    /** One line for terminals and reports. */
    public String summary() {
        if (node == null) {
            return "not localized (" + note + ")";
        }
        StringBuilder text = new StringBuilder("localized to ").append(node.describe()).append(' ')
                .append(operatorWithDtype());
        if (method.equals(INTERMEDIATES)) {
            text.append(String.format(Locale.ROOT, ": output '%s' differs between %s and %s (max abs error %.3g, "
                    + "max rel error %.3g)", output, actual, expected, maxAbsError, maxRelError));
            if (actualAgreesWithReference != null && expectedAgreesWithReference != null) {
                text.append("; there ").append(actual).append(actualAgreesWithReference ? " agrees" : " disagrees")
                        .append(" and ").append(expected).append(expectedAgreesWithReference ? " agrees" : " disagrees")
                        .append(" with the reference");
            }
            if (Boolean.FALSE.equals(nodeAloneDiverges)) {
                text.append("; run alone on the reference's inputs the node agrees, so the difference comes from "
                        + "the values the engine fed it, not from the operator");
            }
            if (inputMaxAbsError > 0) {
                text.append(String.format(Locale.ROOT, "; its inputs already differ slightly (max abs error %.3g, "
                        + "max rel error %.3g)", inputMaxAbsError, inputMaxRelError));
            }
        } else {
            text.append(" (named in ").append(actual).append("'s error message)");
        }
        if (!note.isEmpty()) {
            text.append("; ").append(note);
        }
        return text.toString();
    }
}
