package dev.crest.cli.fuzz;

import dev.crest.fuzz.FuzzException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as users write them on the command line: a number with a unit ({@code 500ms}, {@code 30s},
 * {@code 10m}, {@code 1h}, {@code 1.5h}) or a bare number of seconds; a sign is kept so the settings can reject
 * a negative budget with their own message.
 */
final class DurationText {
    private static final Pattern FORM = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private DurationText() {
    }

    /** The duration {@code text} names; {@code option} is quoted in the error for unreadable text. */
    static Duration parse(String text, String option) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new FuzzException("cannot read " + option + " '" + text
                    + "': write a number with a unit, e.g. 500ms, 30s, 10m or 1h");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanosPerUnit;
        switch (unit) {
            case "ms":
                nanosPerUnit = 1e6;
                break;
            case "s":
                nanosPerUnit = 1e9;
                break;
            case "m":
                nanosPerUnit = 60e9;
                break;
            default:
                nanosPerUnit = 3600e9;
        }
        double nanos = amount * nanosPerUnit;
        if (Math.abs(nanos) > Long.MAX_VALUE / 2.0) {
            throw new FuzzException(option + " '" + text + "' is too long");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
