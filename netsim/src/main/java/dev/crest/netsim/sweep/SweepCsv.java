package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's results file, opened for appending: one row per run (parameters, seed, skip reason, measures), each
 * written as a whole line and flushed, so an interrupted sweep leaves at most one cut-off line, which the next
 * open drops. Rows already present are reported by {@link #done()} so a re-run skips them.
 */
final class SweepCsv implements Closeable {
    private final List<String> parameterNames;
    private final List<String> measureColumns;
    private final Set<List<String>> done;
    private final BufferedWriter writer;

    private SweepCsv(List<String> parameterNames, List<String> measureColumns, Set<List<String>> done,
            BufferedWriter writer) {
        this.parameterNames = parameterNames;
        this.measureColumns = measureColumns;
        this.done = done;
        this.writer = writer;
    }

    static List<String> header(List<String> parameterNames, List<String> measureColumns) {
        List<String> header = new ArrayList<>(parameterNames);
        header.add(SweepTable.SEED);
        header.add(SweepTable.SKIP_REASON);
        header.addAll(measureColumns);
        return header;
    }

    /** Opens (creating or resuming) the file; refuses one written with other columns. */
    static SweepCsv open(Path csv, List<String> parameterNames, List<String> measureColumns) {
        List<String> header = header(parameterNames, measureColumns);
        Set<List<String>> done = new HashSet<>();
        try {
            if (Files.exists(csv) && Files.size(csv) > 0) {
                SweepTable table = SweepTable.read(csv);
                if (!table.columns().equals(header)) {
                    throw new NetsimException(csv + " holds a sweep with other columns " + table.columns()
                            + "; choose another output folder or delete it");
                }
                for (Map<String, String> row : table.rows()) {
                    List<String> key = new ArrayList<>();
                    for (String p : parameterNames) {
                        key.add(row.get(p));
                    }
                    done.add(key);
                }
                // Drop the cut-off line of an interrupted run before appending after it.
                try (FileChannel channel = FileChannel.open(csv, StandardOpenOption.WRITE)) {
                    channel.truncate(table.completeBytes());
                }
                return new SweepCsv(parameterNames, measureColumns, done, Files.newBufferedWriter(csv,
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND));
            }
            Path parent = csv.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            writer.write(CsvLine.format(header) + "\n");
            writer.flush();
            return new SweepCsv(parameterNames, measureColumns, done, writer);
        } catch (IOException e) {
            throw new NetsimException("cannot write sweep results to " + csv + ": " + e.getMessage(), e);
        }
    }

    /** The parameter values of the rows already in the file. */
    Set<List<String>> done() {
        return done;
    }

    /** Appends one row as a single write and flushes it. */
    synchronized void append(SweepPoint point, RunOutcome outcome) {
        List<String> fields = new ArrayList<>();
        for (String p : parameterNames) {
            fields.add(point.get(p));
        }
        fields.add(Long.toString(outcome.seed()));
        fields.add(outcome.isSkipped() ? outcome.skipReason().replace('\n', ' ').replace('\r', ' ') : "");
        for (String m : measureColumns) {
            Double v = outcome.measures().get(m);
            if (!outcome.isSkipped() && v == null) {
                throw new IllegalStateException("run " + point + " did not report measure '" + m + "'");
            }
            fields.add(v == null ? "" : Double.toString(v));
        }
        try {
            writer.write(CsvLine.format(fields) + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new NetsimException("cannot append to the sweep results: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new NetsimException("cannot close the sweep results: " + e.getMessage(), e);
        }
    }
}
