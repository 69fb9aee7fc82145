package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes link rates as people type them: {@code 25G}, {@code 100Gbps}, {@code 10e9}, {@code 400M},
 * {@code 1.5Tb/s}. Prefixes are decimal (k = 10^3 ... T = 10^12) and always mean bits per second, since
 * nobody configures a link in millibits.
 */
public final class RateFormat {
    private static final Pattern RATE = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([kKmMgGtT]?)(?:bps|b/s|bit/s|bits/s)?",
            Pattern.CASE_INSENSITIVE);

    private RateFormat() {
    }

    /**
     * The rate in bits per second.
     *
     * @throws NetsimException if the text is not a rate, or the rate is zero, negative or not finite
     */
    public static double parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = RATE.matcher(trimmed);
        if (!m.matches()) {
            throw new NetsimException("'" + text + "' is not a rate; write e.g. 25G, 100Gbps, 400M or 10e9 (bits/s)");
        }
        double value = Double.parseDouble(m.group(1)) * multiplier(m.group(2));
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new NetsimException("rate '" + text + "' must be positive and finite");
        }
        return value;
    }

    /** A short exact form such as {@code 25G}, {@code 400M} or {@code 1.5G}, falling back to plain bits/s. */
    public static String format(double bitsPerSecond) {
        String[] units = {"T", "G", "M", "k"};
        double[] scales = {1e12, 1e9, 1e6, 1e3};
        for (int i = 0; i < units.length; i++) {
            if (bitsPerSecond >= scales[i]) {
                double scaled = bitsPerSecond / scales[i];
                // Only use the prefix when it represents the value exactly; otherwise keep every digit.
                if (scaled * scales[i] == bitsPerSecond) {
                    return trimNumber(scaled) + units[i];
                }
            }
        }
        return trimNumber(bitsPerSecond);
    }

    private static String trimNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static double multiplier(String prefix) {
        switch (prefix.toUpperCase(Locale.ROOT)) {
            case "K":
                return 1e3;
            case "M":
                return 1e6;
            case "G":
                return 1e9;
            case "T":
                return 1e12;
            default:
                return 1;
        }
    }
}
