package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a sweep's CSV as read back from disk (including rows of earlier invocations), for reports and for
 * resuming. A last line without its line break is a row cut off by an interrupted run and is left out.
 *
 * @param columns the header
 * @param rows each complete row, column name to text
 * @param completeBytes length of the file up to the end of the last complete line
 */
public record SweepTable(List<String> columns, List<Map<String, String>> rows, long completeBytes) {
    /** The column of each run's seed; the parameter columns are the ones before it. */
    public static final String SEED = "seed";
    /** The column saying why a run could not run; empty for a run that finished. */
    public static final String SKIP_REASON = "skip_reason";

    public SweepTable {
        columns = List.copyOf(columns);
        List<Map<String, String>> copy = new ArrayList<>();
        for (Map<String, String> row : rows) {
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** Reads a sweep CSV. */
    public static SweepTable read(Path csv) {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NetsimException("cannot read sweep results " + csv + ": " + e.getMessage(), e);
        }
        int end = text.lastIndexOf('\n') + 1;
        String[] lines = text.substring(0, end).split("\n", -1);
        // split leaves one empty string after the final line break.
        if (end == 0 || lines.length < 2) {
            throw new NetsimException(csv + " has no complete header line; delete it or choose another output folder");
        }
        List<String> header = CsvLine.parse(stripCarriageReturn(lines[0]));
        if (header == null || header.isEmpty()) {
            throw new NetsimException("line 1 of " + csv + " is not a CSV header");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String line = stripCarriageReturn(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = CsvLine.parse(line);
            if (fields == null || fields.size() != header.size()) {
                throw new NetsimException("line " + (i + 1) + " of " + csv + " has "
                        + (fields == null ? "unbalanced quotes" : fields.size() + " fields, expected " + header.size())
                        + "; fix or delete the file");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), fields.get(c));
            }
            rows.add(row);
        }
        return new SweepTable(header, rows, text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
