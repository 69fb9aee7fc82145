package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the non-rate quantities of the simulator's settings as people type them: durations ({@code 10us},
 * {@code 1.5ms}, {@code 0.176s}, {@code 2e-6}) and sizes in bits ({@code 12000}, {@code 16M}, {@code 1500B} for
 * bytes, {@code 500kb}). Decimal prefixes, as for rates.
 */
public final class QuantityFormat {
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([a-zA-Zµ]*)");

    private QuantityFormat() {
    }

    /** A duration in seconds; bare numbers are seconds. Zero is allowed, negative is not. */
    public static double parseSeconds(String what, String text) {
        Matcher m = match(what, text, "a duration such as 10us, 1ms or 0.5s");
        // Divide by an exact power of ten rather than multiply by an inexact 1e-6, so "10us" is exactly 1e-5.
        double divisor;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "":
            case "s":
                divisor = 1;
                break;
            case "ms":
                divisor = 1e3;
                break;
            case "us":
            case "µs":
                divisor = 1e6;
                break;
            case "ns":
                divisor = 1e9;
                break;
            default:
                throw new NetsimException(what + " '" + text + "' has unknown unit '" + m.group(2)
                        + "'; use s, ms, us or ns");
        }
        double seconds = Double.parseDouble(m.group(1)) / divisor;
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new NetsimException(what + " '" + text + "' must be finite and non-negative");
        }
        return seconds;
    }

    /** A positive size in bits: bare numbers and the suffix b are bits, B is bytes, k/M/G/T prefixes are decimal. */
    public static long parseBits(String what, String text) {
        Matcher m = match(what, text, "a size in bits such as 12000, 16M, 500kb or 1500B");
        String unit = m.group(2);
        double scale = 1;
        String rest = unit;
        if (!rest.isEmpty() && "kKMGT".indexOf(rest.charAt(0)) >= 0) {
            scale = switch (Character.toUpperCase(rest.charAt(0))) {
                case 'K' -> 1e3;
                case 'M' -> 1e6;
                case 'G' -> 1e9;
                default -> 1e12;
            };
            rest = rest.substring(1);
        }
        switch (rest) {
            case "":
            case "b":
            case "bit":
            case "bits":
                break;
            case "B":
                scale *= 8;
                break;
            default:
                throw new NetsimException(what + " '" + text + "' has unknown unit '" + unit
                        + "'; use bits (12000, 16M, 500kb) or bytes (1500B)");
        }
        double bits = Double.parseDouble(m.group(1)) * scale;
        if (!(bits >= 1) || bits > Long.MAX_VALUE || bits != Math.rint(bits)) {
            throw new NetsimException(what + " '" + text + "' must be a positive whole number of bits");
        }
        return (long) bits;
    }

    /** A positive, finite real number such as a speed-up factor or a ratio. */
    public static double parsePositive(String what, String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new NetsimException(what + " '" + text + "' is not a number");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new NetsimException(what + " must be positive and finite, got " + text);
        }
        return value;
    }

    /** A whole number of at least {@code min}. */
    public static int parseCount(String what, String text, int min) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new NetsimException(what + " '" + text + "' is not a whole number");
        }
        if (value < min) {
            throw new NetsimException(what + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    private static Matcher match(String what, String text, String expected) {
        Matcher m = NUMBER_AND_UNIT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new NetsimException(what + " '" + text + "' is not " + expected);
        }
        return m;
    }

    /** A short form of a duration that parses back to the same value: {@code 10us}, {@code 1.5ms}, {@code 0.176s}. */
    public static String formatSeconds(double seconds) {
        if (seconds == 0) {
            return "0s";
        }
        String[] units = {"s", "ms", "us", "ns"};
        double[] multipliers = {1, 1e3, 1e6, 1e9};
        for (int i = 0; i < units.length; i++) {
            if (seconds * multipliers[i] >= 1 || i == units.length - 1) {
                String candidate = new BigDecimal(seconds * multipliers[i])
                        .round(new MathContext(12)).stripTrailingZeros().toPlainString() + units[i];
                if (parseSeconds("duration", candidate) == seconds) {
                    return candidate;
                }
                break;
            }
        }
        return Double.toString(seconds);
    }

    /** A large count with an optional decimal prefix and no unit, e.g. {@code 2.1T} FLOP/s. */
    public static double parseScaled(String what, String text) {
        Matcher m = match(what, text, "a number such as 2.1T, 500G or 1.5e12");
        double scale = switch (m.group(2)) {
            case "" -> 1;
            case "k", "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "T" -> 1e12;
            case "P" -> 1e15;
            default -> throw new NetsimException(what + " '" + text + "' has unknown suffix '" + m.group(2)
                    + "'; use k, M, G, T or P");
        };
        double value = Double.parseDouble(m.group(1)) * scale;
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new NetsimException(what + " must be positive and finite, got " + text);
        }
        return value;
    }
}
