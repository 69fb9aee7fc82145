package dev.crest.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparisons of one suite run with their provenance, written as a text table for people, a CSV table and
 * a JSON document for scripts.
 */
public final class ComparisonTable {
    private static final String[] HEADER = {"benchmark", "case", "unit", "crest", "baseline", "baseline_value",
        "speed_ratio"};

    private final List<Comparison> comparisons = new ArrayList<>();
    private final Map<String, Object> provenance = new LinkedHashMap<>();

    /** Adds a line. */
    public void add(Comparison comparison) {
        comparisons.add(comparison);
    }

    /** Records a fact about the run (versions, settings, date) for the JSON document. */
    public void record(String key, Object value) {
        provenance.put(key, value);
    }

    /** The lines added so far. */
    public List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    /** A Markdown table, one comparison a line. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | case | unit | Crest | baseline | baseline value | speed ratio (baseline time / Crest time) |\n");
        out.append("|---|---|---|---:|---|---:|---:|\n");
        for (Comparison c : comparisons) {
            out.append("| ").append(c.benchmark()).append(" | ").append(c.caseName()).append(" | ").append(c.unit())
                    .append(" | ").append(format(c.crest())).append(" | ").append(c.baseline()).append(" | ")
                    .append(format(c.baselineValue())).append(" | ").append(String.format(Locale.ROOT, "%.3f",
                            c.speedRatio()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** The table as CSV with a header line. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Comparison c : comparisons) {
            out.append(csvField(c.benchmark())).append(',').append(csvField(c.caseName())).append(',')
                    .append(csvField(c.unit())).append(',').append(c.crest()).append(',')
                    .append(csvField(c.baseline())).append(',').append(c.baselineValue()).append(',')
                    .append(c.speedRatio()).append('\n');
        }
        return out.toString();
    }

    /** One JSON document: {@code provenance} and {@code comparisons}. */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("provenance", provenance);
        document.put("comparisons", comparisons);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code results.json}, {@code results.csv} and {@code results.md} into {@code directory}. */
    public void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve("results.json"), toJson());
        writeAtomically(directory.resolve("results.csv"), toCsv());
        writeAtomically(directory.resolve("results.md"), toMarkdown());
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.4g", value);
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
