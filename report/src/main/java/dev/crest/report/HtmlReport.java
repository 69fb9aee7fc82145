package dev.crest.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A static HTML report: a title, an optional subtitle, a provenance block (seed, config, versions, date…)
 * and headed sections of paragraphs, code, tables and charts, with a table of contents when there are
 * two or more sections.
 *
 * <p>{@link #writeTo(Path)} produces one self-contained {@code index.html} (inline CSS, charts as inline
 * SVG, no JavaScript, nothing fetched from the network) plus one CSV file per table that asked for one.
 * The report adds no clock or random values of its own, so the same report always gives the same bytes;
 * put the date in the provenance if you want one.
 */
public final class HtmlReport {

    /** The name of the page inside the report folder. */
    public static final String INDEX_FILE = "index.html";

    private final String title;
    private final String subtitle;
    private final Map<String, String> provenance;
    private final List<Section> sections;

    private HtmlReport(Builder builder) {
        this.title = builder.title;
        this.subtitle = builder.subtitle;
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(builder.provenance));
        this.sections = List.copyOf(builder.sections);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    /** The subtitle; empty when none was given. */
    public String subtitle() {
        return subtitle;
    }

    /** Provenance entries in the order they were added. */
    public Map<String, String> provenance() {
        return provenance;
    }

    public List<Section> sections() {
        return sections;
    }

    /** The complete page, charts rendered. */
    public String toHtml() {
        return new PageRenderer().render(this);
    }

    /**
     * Writes {@code index.html} and the tables' CSV files into {@code folder}, creating it if needed, and
     * returns the path of the page. Each file is written to a temporary file in the folder and then moved
     * into place, CSV files first, so a reader never sees a half-written page or a link to a missing file;
     * other files in the folder are left alone.
     *
     * @throws ReportException if the folder cannot be created or written
     */
    public Path writeTo(Path folder) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Section section : sections) {
            for (Table table : section.tables()) {
                table.csvFileName().ifPresent(name -> files.put(name, table.toCsv()));
            }
        }
        files.put(INDEX_FILE, toHtml());
        return new ReportFolderWriter(folder).write(files).resolve(INDEX_FILE);
    }

    /** Assembles a report; every text given here is escaped when the page is written. */
    public static final class Builder {
        private final String title;
        private String subtitle = "";
        private final Map<String, String> provenance = new LinkedHashMap<>();
        private final List<Section> sections = new ArrayList<>();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /** A line under the title saying what the report is about. */
        public Builder subtitle(String subtitle) {
            this.subtitle = Objects.requireNonNull(subtitle, "subtitle");
            return this;
        }

        /** Records how the report can be reproduced, e.g. {@code provenance("seed", "42")}; keys are unique. */
        public Builder provenance(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (provenance.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("duplicate provenance key '" + key + "'");
            }
            return this;
        }

        public Builder provenance(Map<String, String> entries) {
            entries.forEach(this::provenance);
            return this;
        }

        public Builder section(Section section) {
            sections.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        /** Adds a section filled by {@code content}, e.g. {@code section("Results", s -> s.paragraph("…").table(t))}. */
        public Builder section(String heading, Consumer<Section.Builder> content) {
            Section.Builder section = Section.builder(heading);
            content.accept(section);
            return section(section.build());
        }

        public HtmlReport build() {
            Set<String> csvNames = new HashSet<>();
            for (Section section : sections) {
                for (Table table : section.tables()) {
                    table.csvFileName().ifPresent(name -> {
                        if (name.equalsIgnoreCase(INDEX_FILE) || !csvNames.add(name)) {
                            throw new IllegalArgumentException("two tables of report '" + title
                                    + "' write the same CSV file '" + name + "'");
                        }
                    });
                }
            }
            return new HtmlReport(this);
        }
    }
}
