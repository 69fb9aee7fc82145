package dev.crest.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crest.cli.CliException;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.SummaryFile;
import dev.crest.report.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo folder's {@code index.html}: one section per tool with a paragraph summarizing its stored results and a
 * link to its page, built only from the files in the folder so {@code crest report} can rebuild it. The same facts
 * are returned as a JSON-ready map for {@code --json}.
 */
final class DemoIndex {
    static final String FUZZ = "fuzz";
    static final String NETSIM = "netsim";
    static final String AME = "ame";
    /** Where the AME run writes inside the ame folder; the poisoned data set sits beside it. */
    static final String AME_RUN = "run";
    static final String AME_DATA = "poisoned";
    static final String GROUND_TRUTH = "ground-truth.txt";

    private final Path out;
    private final Map<String, String> notes;
    private final Map<String, Object> summary = new LinkedHashMap<>();

    /** {@code notes}: per tool, why it did not run or failed, shown instead of the usual "no results" line. */
    DemoIndex(Path out, Map<String, String> notes) {
        this.out = out;
        this.notes = notes;
    }

    /** Writes the index and returns its path. */
    Path write() {
        HtmlReport.Builder report = HtmlReport.builder("Crest demo")
                .subtitle("Short sessions of crest fuzz, crest netsim and crest ame; each tool's page is linked below");
        report.section("crest fuzz: testing ONNX Runtime", s -> {
            Path page = out.resolve(FUZZ).resolve(HtmlReport.INDEX_FILE);
            if (Files.isRegularFile(out.resolve(FUZZ).resolve(CampaignSummary.FILE)) && Files.isRegularFile(page)) {
                s.paragraph(fuzzParagraph(SummaryFile.read(out.resolve(FUZZ))));
                s.link(FUZZ + "/" + HtmlReport.INDEX_FILE, "fuzzing campaign report");
            } else {
                s.paragraph(missing(FUZZ));
            }
        });
        report.section("crest netsim: data-parallel training over a network", s -> {
            Path page = out.resolve(NETSIM).resolve(HtmlReport.INDEX_FILE);
            List<JsonNode> comparisons = NetsimDemoPage.comparisons(out.resolve(NETSIM));
            if (!comparisons.isEmpty() && Files.isRegularFile(page)) {
                s.paragraph(netsimParagraph(comparisons));
                s.link(NETSIM + "/" + HtmlReport.INDEX_FILE, "strategy comparison report");
                s.link(NETSIM + "/" + NetsimDemoPage.SWEEP_FOLDER + "/" + HtmlReport.INDEX_FILE, "sweep report");
            } else {
                s.paragraph(missing(NETSIM));
            }
        });
        report.section("crest ame: which training points caused a prediction", s -> {
            Path run = out.resolve(AME).resolve(AME_RUN);
            if (Files.isRegularFile(run.resolve("selected.json"))
                    && Files.isRegularFile(run.resolve(HtmlReport.INDEX_FILE))) {
                s.paragraph(ameParagraph(run));
                s.link(AME + "/" + AME_RUN + "/" + HtmlReport.INDEX_FILE, "AME backdoor report");
            } else {
                s.paragraph(missing(AME));
            }
        });
        return report.build().writeTo(out);
    }

    /** What the index says, as a JSON-ready map (filled by {@link #write()}). */
    Map<String, Object> summary() {
        return summary;
    }

    private String missing(String tool) {
        String note = notes.getOrDefault(tool, "No results are stored in " + tool + "/ (the tool did not run, or "
                + "did not finish).");
        summary.put(tool, Map.of("ran", false, "note", note));
        return note;
    }

    private String fuzzParagraph(CampaignSummary campaign) {
        CampaignSummary.Counts counts = campaign.counts();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ran", true);
        facts.put("page", FUZZ + "/" + HtmlReport.INDEX_FILE);
        facts.put("seconds", campaign.elapsedSeconds());
        facts.put("modelsTested", counts.tested());
        facts.put("findings", counts.findings());
        facts.put("distinctBugs", counts.uniqueBugs());
        summary.put(FUZZ, facts);
        return String.format(Locale.ROOT, "A %.0f-second campaign against %s generated %d models and tested %d of "
                + "them (%.1f per second); %d findings, %d distinct bugs (%s). Each bug's page shows its model "
                + "graph and the command that replays it.", campaign.elapsedSeconds(),
                String.join(", ", campaign.settings().backends()), counts.generated(), counts.tested(),
                campaign.throughput().modelsPerSecond(), counts.findings(), counts.uniqueBugs(),
                counts.bySymptom().isEmpty() ? "no symptoms" : "by symptom: " + counts.bySymptom());
    }

    private String netsimParagraph(List<JsonNode> comparisons) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ran", true);
        facts.put("page", NETSIM + "/" + HtmlReport.INDEX_FILE);
        Map<String, Object> best = new LinkedHashMap<>();
        for (JsonNode comparison : comparisons) {
            String model = comparison.get("model").asText();
            if (text.length() == 0) {
                text.append(String.format(Locale.ROOT, "Every strategy at %s workers and %sbit/s per worker (%s). ",
                        comparison.get("workers").asText(), comparison.get("bandwidth").asText(),
                        comparison.get("topology").asText()));
            }
            NetsimDemoPage.fastest(comparison).ifPresent(b -> {
                double speedUp = b.get("speedUpOverPs").isNull() ? Double.NaN : b.get("speedUpOverPs").asDouble();
                text.append(String.format(Locale.ROOT, "%s: fastest %s, %.3f s per iteration, %.2f× over ps. ", model,
                        b.get("strategy").asText(), b.get("iterationSeconds").asDouble(), speedUp));
                best.put(model, Map.of("strategy", b.get("strategy").asText(),
                        "iterationSeconds", b.get("iterationSeconds").asDouble(), "speedUpOverPs", speedUp));
            });
        }
        facts.put("fastest", best);
        summary.put(NETSIM, facts);
        return text.append("The sweep report plots iteration time against workers and bandwidth.").toString();
    }

    private String ameParagraph(Path run) {
        JsonNode selected = StoredJson.read(run.resolve("selected.json"));
        Path truthFile = run.resolveSibling(AME_DATA).resolve(GROUND_TRUTH);
        Set<Integer> truth = Files.isRegularFile(truthFile) ? readTruth(truthFile) : Set.of();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ran", true);
        facts.put("page", AME + "/" + AME_RUN + "/" + HtmlReport.INDEX_FILE);
        facts.put("submodels", selected.get("submodels").asInt());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d submodels trained on random subsets "
                + "of a backdoored Fashion-MNIST sample", selected.get("submodels").asInt()));
        text.append(truth.isEmpty() ? ". " : String.format(Locale.ROOT, " with %d poisoned images. ", truth.size()));
        for (JsonNode query : selected.get("queries")) {
            Set<Integer> points = new HashSet<>();
            query.get("helping").get("selected").forEach(p -> points.add(p.asInt()));
            long hits = points.stream().filter(truth::contains).count();
            double precision = points.isEmpty() ? Double.NaN : (double) hits / points.size();
            double recall = truth.isEmpty() ? Double.NaN : (double) hits / truth.size();
            text.append(String.format(Locale.ROOT, "Query %s: %d points selected by knockoffs",
                    query.get("query").asText(), points.size()));
            text.append(truth.isEmpty() ? ". " : String.format(Locale.ROOT, ", precision %s, recall %.2f "
                    + "against the poisoned images. ", points.isEmpty() ? "undefined (nothing selected)"
                    : String.format(Locale.ROOT, "%.2f", precision), recall));
            facts.put("selected", points.size());
            facts.put("precision", Double.isNaN(precision) ? null : precision);
            facts.put("recall", Double.isNaN(recall) ? null : recall);
        }
        summary.put(AME, facts);
        return text.toString().strip();
    }

    private static Set<Integer> readTruth(Path file) {
        try {
            Set<Integer> truth = new HashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    truth.add(Integer.parseInt(line.strip()));
                }
            }
            return truth;
        } catch (IOException | NumberFormatException e) {
            throw new CliException("cannot read the ground truth " + file + ": " + e.getMessage());
        }
    }
}
