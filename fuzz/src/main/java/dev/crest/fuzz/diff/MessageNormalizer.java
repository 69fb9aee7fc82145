package dev.crest.fuzz.diff;

import java.util.regex.Pattern;

/**
 * Reduces an error message to what stays the same when the same bug is hit by another model: quoted names, file
 * paths, hexadecimal addresses and numbers (values, indices, shapes, node numbers) are replaced by placeholders,
 * number lists collapse to one placeholder and whitespace to single spaces. Operator types and the wording of the
 * error survive, which is what tells two bugs apart (after Jazzer's deduplication of crash messages).
 */
public final class MessageNormalizer {
    /** Longer messages are cut: their tail is rarely what distinguishes bugs and often holds dumps. */
    static final int MAX_LENGTH = 300;

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
    private static final Pattern PATH = Pattern.compile("(?<![\\w.])(?:[A-Za-z]:)?(?:[/\\\\][\\w.@+-]+){2,}");
    private static final Pattern HEX = Pattern.compile("\\b0[xX][0-9a-fA-F]+\\b");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![A-Za-z_])[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|(?<=[A-Za-z_])\\d+");
    private static final Pattern SPECIAL_VALUE = Pattern.compile("(?<![A-Za-z])[-+]?(?:NaN|Infinity|inf|nan)\\b");
    private static final Pattern NUMBER_LIST = Pattern.compile("#(?:\\s*[,x×]\\s*#)+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private MessageNormalizer() {
    }

    /** The normalized form of {@code message}. */
    public static String normalize(String message) {
        String text = QUOTED.matcher(message).replaceAll("'_'");
        text = PATH.matcher(text).replaceAll("<path>");
        text = HEX.matcher(text).replaceAll("<address>");
        text = SPECIAL_VALUE.matcher(text).replaceAll("#");
        text = NUMBER.matcher(text).replaceAll("#");
        text = NUMBER_LIST.matcher(text).replaceAll("#");
        text = SPACE.matcher(text).replaceAll(" ").trim();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
