package dev.crest.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** How table cells print: numbers rounded for reading on the page, exact in the CSV file. */
final class CellText {

    private CellText() {
    }

    static boolean isNumber(Object cell) {
        return cell instanceof Number;
    }

    /** The cell as shown in the HTML table, numbers rounded to {@code significantDigits}. */
    static String forPage(Object cell, int significantDigits) {
        if (cell == null) {
            return "";
        }
        if (!(cell instanceof Number number)) {
            return cell.toString();
        }
        if (isIntegral(number)) {
            return number.toString();
        }
        double value = number.doubleValue();
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        BigDecimal exact = number instanceof BigDecimal big ? big
                : number instanceof Float f ? new BigDecimal(Float.toString(f))
                : BigDecimal.valueOf(value);
        BigDecimal rounded = exact.round(new MathContext(significantDigits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-4 && magnitude < 1e15) {
            return rounded.toPlainString();
        }
        return scientific(rounded);
    }

    /** Like {@code 1.23e-5}: BigDecimal's own notation only switches to exponents below 1e-6 and writes "E+". */
    private static String scientific(BigDecimal value) {
        String digits = value.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - value.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /** The cell as written to the CSV file: numbers in full precision so the file round-trips. */
    static String forCsv(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal big) {
            return big.toPlainString();
        }
        return cell.toString();
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger;
    }
}
