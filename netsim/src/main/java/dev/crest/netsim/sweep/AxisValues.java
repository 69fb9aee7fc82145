package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comma-separated list of sweep values, expanding integer progressions written with an ellipsis:
 * {@code 2,4,8,...,128} doubles up to 128 and {@code 8,16,24,...,64} steps by 8. Three values before the
 * ellipsis are required, because two fit both an arithmetic and a geometric progression.
 */
public final class AxisValues {
    /** Guards against a typo such as {@code 1,2,3,...,1000000000} expanding into an endless sweep. */
    private static final int MAX_EXPANDED = 10_000;

    private AxisValues() {
    }

    /** The values of {@code text} in order, e.g. {@code ["vgg16", "resnet50"]} or {@code ["2", "4", "8"]}. */
    public static List<String> split(String what, String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                throw new NetsimException(what + " '" + text + "' has an empty value; separate values with single commas");
            }
            parts.add(trimmed);
        }
        int ellipsis = parts.indexOf("...");
        if (ellipsis < 0) {
            return parts;
        }
        if (parts.lastIndexOf("...") != ellipsis || ellipsis != parts.size() - 2) {
            throw new NetsimException(what + " '" + text + "': '...' must stand once, just before the last value");
        }
        if (ellipsis < 3) {
            throw new NetsimException(what + " '" + text + "' is ambiguous; give three values before '...', e.g. "
                    + "2,4,6,...,128 (arithmetic) or 2,4,8,...,128 (doubling)");
        }
        long[] known = new long[ellipsis];
        for (int i = 0; i < ellipsis; i++) {
            known[i] = integer(what, text, parts.get(i));
        }
        long last = integer(what, text, parts.get(parts.size() - 1));
        List<String> values = new ArrayList<>();
        long a = known[ellipsis - 3];
        long b = known[ellipsis - 2];
        long c = known[ellipsis - 1];
        for (int i = 0; i < ellipsis; i++) {
            values.add(Long.toString(known[i]));
        }
        boolean arithmetic = b - a == c - b && b != a;
        boolean geometric = a != 0 && b % a == 0 && c % b == 0 && b / a == c / b && b / a > 1;
        if (!arithmetic && !geometric) {
            throw new NetsimException(what + " '" + text + "': " + a + "," + b + "," + c
                    + " is neither an increasing arithmetic nor a whole-ratio geometric progression");
        }
        long next = c;
        while (true) {
            try {
                next = arithmetic ? Math.addExact(next, b - a) : Math.multiplyExact(next, b / a);
            } catch (ArithmeticException overflow) {
                break;
            }
            if ((b > a) ? next > last : next < last) {
                break;
            }
            values.add(Long.toString(next));
            if (values.size() > MAX_EXPANDED) {
                throw new NetsimException(what + " '" + text + "' expands to more than " + MAX_EXPANDED + " values");
            }
        }
        if (!values.get(values.size() - 1).equals(Long.toString(last))) {
            throw new NetsimException(what + " '" + text + "': the progression does not reach " + last
                    + "; end it on one of its values");
        }
        return values;
    }

    private static long integer(String what, String text, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NetsimException(what + " '" + text + "': '...' needs whole numbers, got '" + value + "'");
        }
    }
}
