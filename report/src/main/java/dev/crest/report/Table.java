package dev.crest.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table for a report: a header and rows of text or numbers. Columns whose cells are all numbers are
 * right-aligned and rounded for reading; with {@link Builder#csv(String)} the exact values are also
 * written to a CSV file beside the page and linked from it.
 */
public final class Table {

    private static final Pattern CSV_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.csv");

    private final String caption;
    private final List<String> columns;
    private final List<List<Object>> rows;
    private final String csvFileName;
    private final int significantDigits;

    private Table(Builder builder) {
        this.caption = builder.caption;
        this.columns = List.copyOf(builder.columns);
        this.rows = builder.rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        this.csvFileName = builder.csvFileName;
        this.significantDigits = builder.significantDigits;
    }

    public static Builder builder(String... columns) {
        return new Builder(List.of(columns));
    }

    public static Builder builder(List<String> columns) {
        return new Builder(columns);
    }

    /** The caption shown above the table; empty when none was given. */
    public String caption() {
        return caption;
    }

    public List<String> columns() {
        return columns;
    }

    /** The rows; a cell is a {@link String}, a {@link Number} or {@code null} for an empty cell. */
    public List<List<Object>> rows() {
        return rows;
    }

    /** The name of the CSV file written beside the page, if any. */
    public Optional<String> csvFileName() {
        return Optional.ofNullable(csvFileName);
    }

    /** True when the column has at least one number and nothing but numbers and empty cells. */
    public boolean isNumeric(int column) {
        boolean anyNumber = false;
        for (List<Object> row : rows) {
            Object cell = row.get(column);
            if (cell == null) {
                continue;
            }
            if (!CellText.isNumber(cell)) {
                return false;
            }
            anyNumber = true;
        }
        return anyNumber;
    }

    String pageText(Object cell) {
        return CellText.forPage(cell, significantDigits);
    }

    /** RFC 4180 text (LF line ends): fields with a comma, quote or line break are quoted, quotes doubled. */
    String toCsv() {
        StringBuilder out = new StringBuilder();
        appendCsvLine(out, new ArrayList<>(columns));
        for (List<Object> row : rows) {
            appendCsvLine(out, row);
        }
        return out.toString();
    }

    private static void appendCsvLine(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = CellText.forCsv(cells.get(i));
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append('\n');
    }

    /** Collects the rows of a {@link Table}; the header is fixed when the builder is created. */
    public static final class Builder {
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private String caption = "";
        private String csvFileName;
        private int significantDigits = 6;

        private Builder(List<String> columns) {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            columns.forEach(c -> Objects.requireNonNull(c, "column name"));
            this.columns = List.copyOf(columns);
        }

        public Builder caption(String caption) {
            this.caption = Objects.requireNonNull(caption, "caption");
            return this;
        }

        /**
         * Adds a row of one cell per column: a {@link String}, a {@link Number}, an {@link InlineImage}, or
         * {@code null} for an empty cell.
         */
        public Builder row(Object... cells) {
            return row(Arrays.asList(cells));
        }

        public Builder row(List<?> cells) {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + cells.size()
                        + " cells but the table has " + columns.size() + " columns " + columns);
            }
            for (Object cell : cells) {
                if (cell != null && !(cell instanceof String) && !(cell instanceof Number)
                        && !(cell instanceof InlineImage)) {
                    throw new IllegalArgumentException("table cells are strings, numbers or images, got "
                            + cell.getClass().getName() + " in row " + (rows.size() + 1));
                }
            }
            rows.add(new ArrayList<>(cells));
            return this;
        }

        /**
         * Also writes the table to {@code fileName} beside the page (a plain name like {@code sweep.csv})
         * and links it under the table.
         */
        public Builder csv(String fileName) {
            if (!CSV_NAME.matcher(fileName).matches()) {
                throw new IllegalArgumentException("CSV file name '" + fileName
                        + "' must be a plain name of letters, digits, '.', '_' or '-' ending in .csv");
            }
            this.csvFileName = fileName;
            return this;
        }

        /** How many significant digits non-integral numbers show on the page (default 6; the CSV keeps all). */
        public Builder significantDigits(int digits) {
            if (digits < 1 || digits > 17) {
                throw new IllegalArgumentException("significant digits must be in 1..17, got " + digits);
            }
            this.significantDigits = digits;
            return this;
        }

        public Table build() {
            return new Table(this);
        }
    }
}
