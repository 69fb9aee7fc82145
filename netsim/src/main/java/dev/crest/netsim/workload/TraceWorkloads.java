package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a measured backprop trace, one gradient tensor per row, into a {@link Workload}.
 *
 * <p>Format: UTF-8 CSV with three comma-separated columns, {@code time,size,tensor}: seconds since backprop
 * started, the tensor's size, and its name (no commas). Sizes are bytes unless a header says otherwise: an
 * optional first row whose size column names the unit, e.g. {@code time_s,size_bytes,tensor} or
 * {@code seconds,bits,name} (the column name must contain {@code bytes} or {@code bits}). Blank lines and lines
 * starting with {@code #} are ignored, except a comment {@code # forward_seconds=0.176} giving the forward time.
 * Rows may come in any order. Each tensor appears once; sizes are positive whole numbers (a byte count is
 * multiplied by 8); times are finite and non-negative.
 *
 * <p>The trace has no separate send order, so the parameters' model order is taken as the reverse of the
 * gradients' (backprop visits layers last to first); rows emitted at the same time keep their reverse row order.
 */
public final class TraceWorkloads {
    private static final String FORWARD_DIRECTIVE = "forward_seconds";

    private TraceWorkloads() {
    }

    /**
     * Reads {@code file}. The forward time is {@code settings.forwardSeconds()} if given, otherwise the file's
     * {@code # forward_seconds=} comment; a trace with neither is refused.
     */
    public static Workload read(Path file, WorkloadSettings settings) {
        return parse(file, lines(file), settings.forwardSeconds());
    }

    /** Reads {@code file} with the given forward time (any {@code # forward_seconds=} comment is ignored). */
    public static Workload read(Path file, double forwardSeconds) {
        if (!(forwardSeconds >= 0) || Double.isInfinite(forwardSeconds)) {
            throw new NetsimException("forward time must be finite and non-negative, got " + forwardSeconds);
        }
        return parse(file, lines(file), OptionalDouble.of(forwardSeconds));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NetsimException("trace file " + file + " does not exist");
        } catch (IOException e) {
            throw new NetsimException("cannot read trace file " + file + ": " + e.getMessage(), e);
        }
    }

    private record Row(int line, double seconds, long bits, String name) {
    }

    static Workload parse(Path file, List<String> lines, OptionalDouble givenForward) {
        long bitsPerUnit = 8;
        boolean headerAllowed = true;
        OptionalDouble fileForward = OptionalDouble.empty();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith(FORWARD_DIRECTIVE)) {
                    fileForward = OptionalDouble.of(forwardDirective(file, lineNo, comment));
                }
                continue;
            }
            String[] cols = line.split(",", -1);
            if (cols.length != 3) {
                throw error(file, lineNo, "expected 3 columns (time, size, tensor) but found " + cols.length);
            }
            for (int c = 0; c < 3; c++) {
                cols[c] = cols[c].strip();
            }
            if (headerAllowed && !looksNumeric(cols[0]) && !looksNumeric(cols[1])) {
                bitsPerUnit = unitOf(file, lineNo, cols[1]);
                headerAllowed = false;
                continue;
            }
            headerAllowed = false;
            if (cols[0].isEmpty() || cols[1].isEmpty() || cols[2].isEmpty()) {
                throw error(file, lineNo, "missing " + (cols[0].isEmpty() ? "time" : cols[1].isEmpty() ? "size"
                        : "tensor name"));
            }
            double seconds = parseTime(file, lineNo, cols[0]);
            long bits = parseSize(file, lineNo, cols[1], bitsPerUnit);
            Integer previous = firstLine.putIfAbsent(cols[2], lineNo);
            if (previous != null) {
                throw error(file, lineNo, "tensor '" + cols[2] + "' already appeared on line " + previous);
            }
            rows.add(new Row(lineNo, seconds, bits, cols[2]));
        }
        if (rows.isEmpty()) {
            throw new NetsimException("trace " + file + " has no gradient rows (expected time,size,tensor)");
        }
        OptionalDouble forward = givenForward.isPresent() ? givenForward : fileForward;
        if (forward.isEmpty()) {
            throw new NetsimException("trace " + file + " gives no forward time: add a line '# " + FORWARD_DIRECTIVE
                    + "=<seconds>' or pass the forward time");
        }
        // model order: latest gradient first; among equal times, later rows first
        List<Row> modelOrder = new ArrayList<>(rows);
        modelOrder.sort((a, b) -> a.seconds() != b.seconds() ? Double.compare(b.seconds(), a.seconds())
                : Integer.compare(b.line(), a.line()));
        List<TensorSpec> tensors = new ArrayList<>();
        List<GradientEmission> emissions = new ArrayList<>();
        for (int i = 0; i < modelOrder.size(); i++) {
            Row r = modelOrder.get(i);
            tensors.add(new TensorSpec(r.name(), r.bits()));
            emissions.add(new GradientEmission(i, r.seconds()));
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new Workload(name, tensors, forward.getAsDouble(), emissions);
    }

    private static double forwardDirective(Path file, int lineNo, String comment) {
        String value = comment.substring(FORWARD_DIRECTIVE.length()).strip();
        if (!value.startsWith("=") && !value.startsWith(":")) {
            throw error(file, lineNo, "write the forward time as '# " + FORWARD_DIRECTIVE + "=<seconds>'");
        }
        value = value.substring(1).strip();
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw error(file, lineNo, "forward time '" + value + "' is not a number");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw error(file, lineNo, "forward time must be finite and non-negative, got " + value);
        }
        return seconds;
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long unitOf(Path file, int lineNo, String sizeColumn) {
        String lower = sizeColumn.toLowerCase(Locale.ROOT);
        if (lower.contains("bytes")) {
            return 8;
        }
        if (lower.contains("bits")) {
            return 1;
        }
        throw error(file, lineNo, "header's size column '" + sizeColumn
                + "' must name its unit ('bytes' or 'bits'), e.g. time_s,size_bytes,tensor");
    }

    private static double parseTime(Path file, int lineNo, String text) {
        double seconds;
        try {
            seconds = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(file, lineNo, "time '" + text + "' is not a number");
        }
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw error(file, lineNo, "time '" + text + "' is not finite");
        }
        if (seconds < 0) {
            throw error(file, lineNo, "negative time " + text);
        }
        return seconds;
    }

    private static long parseSize(Path file, int lineNo, String text, long bitsPerUnit) {
        long size;
        try {
            size = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(file, lineNo, "size '" + text + "' is not a whole number");
        }
        if (size < 0) {
            throw error(file, lineNo, "negative size " + text);
        }
        if (size == 0) {
            throw error(file, lineNo, "size is zero");
        }
        if (size > Long.MAX_VALUE / bitsPerUnit) {
            throw error(file, lineNo, "size " + text + " is too large");
        }
        return size * bitsPerUnit;
    }

    private static NetsimException error(Path file, int lineNo, String problem) {
        return new NetsimException("trace " + file + " line " + lineNo + ": " + problem);
    }
}
