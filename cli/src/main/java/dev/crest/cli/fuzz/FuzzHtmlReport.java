package dev.crest.cli.fuzz;

import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.draw.GraphSvg;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.fuzz.localize.Localization;
import dev.crest.fuzz.localize.LocalizedNode;
import dev.crest.fuzz.reduce.ReducedCaseWriter;
import dev.crest.graph.Model;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.AtomicFiles;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.report.HtmlReport;
import dev.crest.report.Section;
import dev.crest.report.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML report of a fuzzing campaign ({@code index.html} next to {@code summary.json}): what was tested and how
 * fast, the findings by kind, and one section per distinct bug with its model graph drawn (the localized node
 * outlined), the error, the errors between the diverging pair, where the finding was localized (operator,
 * attributes, shapes, error there), its reduced model when one was written, and the commands that replay them.
 */
public final class FuzzHtmlReport {
    private FuzzHtmlReport() {
    }

    /** Writes the report for {@code summary} into {@code out} and returns the page. */
    public static Path write(Path out, CampaignSummary summary) {
        return build(out, summary).writeTo(out);
    }

    static HtmlReport build(Path out, CampaignSummary summary) {
        CampaignSummary.Counts counts = summary.counts();
        HtmlReport.Builder report = HtmlReport.builder("Fuzzing campaign: " + String.join(", ",
                summary.settings().backends()))
                .subtitle(String.format(Locale.ROOT, "%d models tested in %.1f s (%.1f per second), %d findings, "
                        + "%d distinct bugs", counts.tested(), summary.elapsedSeconds(),
                        summary.throughput().modelsPerSecond(), counts.findings(), counts.uniqueBugs()))
                .provenance(provenance(summary));

        report.section("Overview", s -> {
            s.paragraph("Stopped by " + summary.stoppedBy() + ". Every model ran on the reference interpreter and on "
                    + String.join(", ", summary.runs().stream().map(CampaignSummary.RunRecord::backend).toList())
                    + "; findings with the same symptom, stage, backend, diverging pair, normalized message and, for "
                    + "an inconsistency, the operator and dtype it was localized to count as one bug, whose first "
                    + "occurrence is saved.");
            s.table(Table.builder("models", "count")
                    .row("generated", counts.generated())
                    .row("generation failed", counts.generationFailures())
                    .row("input search found no finite values", counts.searchFailures())
                    .row("tested", counts.tested())
                    .row("passed", counts.passed())
                    .row("dropped (reference failed or non-finite)", counts.dropped())
                    .row("findings", counts.findings())
                    .row("distinct bugs", counts.uniqueBugs())
                    .build());
            s.table(Table.builder("phase", "seconds")
                    .caption("Where the time went (generation and search are summed over the preparing threads)")
                    .row("generate (solver)", summary.throughput().generateSeconds())
                    .row("input search and reference", summary.throughput().searchSeconds())
                    .row("execute backends", summary.throughput().executeSeconds())
                    .build());
        });

        if (counts.findings() > 0) {
            report.section("Findings by kind", s -> {
                Table.Builder table = Table.builder("grouped by", "value", "findings");
                counts.bySymptom().forEach((k, v) -> table.row("symptom", k, v));
                counts.byStage().forEach((k, v) -> table.row("stage", k, v));
                counts.byPair().forEach((k, v) -> table.row("diverging pair", k, v));
                s.table(table.build());
                Table.Builder bugs = Table.builder("bug", "symptom", "stage", "backend", "diverging pair",
                        "localized operator", "count", "folder");
                for (CampaignSummary.BugRecord bug : summary.uniqueBugs()) {
                    bugs.row(bug.id(), bug.symptom(), bug.stage(), bug.backend(), bug.pair() == null ? "" : bug.pair(),
                            bug.localizedOperator() == null ? "" : bug.localizedOperator(), bug.count(), bug.folder());
                }
                s.table(bugs.caption("Distinct bugs, in the order found").csv("bugs.csv").build());
            });
        }
        for (CampaignSummary.BugRecord bug : summary.uniqueBugs()) {
            report.section(bugSection(out, bug));
        }
        if (!summary.exclusions().isEmpty()) {
            report.section("Excluded operators", s -> s
                    .paragraph("The capability probe ran a one-node model per operator and dtype on each backend; "
                            + "the generator left out what a backend rejected.")
                    .code(String.join("\n", summary.exclusions())));
        }
        report.section("Reproduce", s -> s.code(command(summary)));
        return report.build();
    }

    private static Section bugSection(Path out, CampaignSummary.BugRecord bug) {
        Section.Builder s = Section.builder("Bug " + bug.id() + ": " + bug.symptom() + " at " + bug.stage() + " on "
                + bug.backend() + (bug.count() > 1 ? " (" + bug.count() + " findings)" : ""));
        s.paragraph(bug.message());
        Table.Builder facts = Table.builder("fact", "value")
                .row("backend", bug.backend() + " " + bug.backendVersion())
                .row("findings with this signature", bug.count())
                .row("model seed", bug.seed())
                .row("folder", bug.folder());
        if (bug.pair() != null) {
            facts.row("diverging pair", bug.pair())
                    .row("max abs error", bug.maxAbsError())
                    .row("max rel error", bug.maxRelError());
        }
        if (bug.localizedOperator() != null) {
            facts.row("localized operator", bug.localizedOperator());
        }
        facts.row("signature", bug.signature());
        s.table(facts.build());
        Path folder = out.resolve(bug.folder());
        Optional<Localization> localization = localization(folder);
        localization.ifPresent(l -> localizationTable(s, l));
        drawModel(s, folder, localization, "The model of bug " + bug.id() + " (" + FindingStore.MODEL_FILE + ")");
        Path reduced = folder.resolve(ReducedCaseWriter.FOLDER);
        if (Files.isRegularFile(reduced.resolve(FindingStore.MODEL_FILE))) {
            s.paragraph(reductionSentence(reduced));
            drawModel(s, reduced, localization(reduced), "The reduced model of bug " + bug.id() + " ("
                    + ReducedCaseWriter.FOLDER + "/" + FindingStore.MODEL_FILE + ")");
            s.code(replayCommand(reduced));
        }
        s.code(bug.replay());
        return s.build();
    }

    /** Draws the model in {@code folder}, outlining the localized node when there is one. */
    private static void drawModel(Section.Builder s, Path folder, Optional<Localization> localization, String caption) {
        try {
            Model parsed = OnnxModels.parse(AtomicFiles.read(folder.resolve(FindingStore.MODEL_FILE), "model"));
            Optional<LocalizedNode> node = localization.filter(Localization::localized).map(Localization::node)
                    .filter(n -> n.index() < parsed.graph().nodes().size());
            s.drawing(node.isPresent() ? GraphSvg.render(parsed, node.get().index()) : GraphSvg.render(parsed),
                    caption + node.map(n -> "; the localized node " + n.describe() + " is outlined in red").orElse(""));
        } catch (GraphException e) {
            s.paragraph("The model graph cannot be drawn: " + e.getMessage());
        }
    }

    /** What the automatic reduction did, from {@code reduction.json}; a plain sentence when that file is unreadable. */
    private static String reductionSentence(Path reduced) {
        try {
            JsonNode r = new ObjectMapper().readTree(reduced.resolve(ReducedCaseWriter.REDUCTION_FILE).toFile());
            List<String> operators = new ArrayList<>();
            r.path("operators").forEach(op -> operators.add(op.asText()));
            return String.format(Locale.ROOT, "Reduced from %d to %d node%s (%s) in %.1f s, %d candidates tested%s.",
                    r.path("nodesBefore").asInt(), r.path("nodesAfter").asInt(),
                    r.path("nodesAfter").asInt() == 1 ? "" : "s", String.join(", ", operators),
                    r.path("elapsedSeconds").asDouble(), r.path("attempts").asInt(),
                    r.path("cutShort").asBoolean() ? " (the time budget ended it)" : "");
        } catch (IOException e) {
            return "A reduced case is in " + reduced + ".";
        }
    }

    /** The localization saved in the bug's {@code meta.json}; empty when absent or unreadable (older findings). */
    /**
     * The replay command recorded in the case's {@code meta.json}: it names the folder the case is published in,
     * which differs from where this page is being written when a campaign is moved into place (the demo).
     */
    private static String replayCommand(Path folder) {
        try {
            String recorded = FindingReader.readMetaObject(folder).path("replay").asText("");
            return recorded.isBlank() ? FindingStore.replayCommand(folder) : recorded;
        } catch (FuzzException e) {
            return FindingStore.replayCommand(folder);
        }
    }

    private static Optional<Localization> localization(Path folder) {
        try {
            return FindingReader.readMeta(folder).localizationValue();
        } catch (FuzzException e) {
            return Optional.empty();
        }
    }

    private static void localizationTable(Section.Builder s, Localization l) {
        s.paragraph(capitalized(l.summary()) + ".");
        if (!l.localized()) {
            return;
        }
        LocalizedNode node = l.node();
        Table.Builder table = Table.builder("localization", "value")
                .row("node", node.describe())
                .row("operator and dtype", l.operatorWithDtype());
        node.attributes().forEach((name, value) -> table.row("attribute " + name, value));
        node.inputs().forEach(v -> table.row("input " + v.name(), v.type()));
        node.outputs().forEach(v -> table.row("output " + v.name(), v.type()));
        if (l.method().equals(Localization.INTERMEDIATES)) {
            table.row("compared", l.actual() + " vs " + l.expected())
                    .row("diverging output", l.output())
                    .row("max abs error there", l.maxAbsError())
                    .row("max rel error there", l.maxRelError())
                    .row("first difference", l.detail())
                    .row("max abs / rel error over its inputs", l.inputMaxAbsError() + " / " + l.inputMaxRelError());
            if (l.actualAgreesWithReference() != null) {
                table.row(l.actual() + " agrees with the reference there", l.actualAgreesWithReference() ? "yes" : "no");
            }
            if (l.expectedAgreesWithReference() != null) {
                table.row(l.expected() + " agrees with the reference there",
                        l.expectedAgreesWithReference() ? "yes" : "no");
            }
        } else {
            table.row("found by", "the node named in " + l.actual() + "'s error message");
        }
        s.table(table.caption("Where the finding was localized").build());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<String, String> provenance(CampaignSummary summary) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("crest", summary.crestVersion());
        p.put("seed", Long.toString(summary.settings().seed()));
        summary.backendVersions().forEach((name, version) -> p.put(name, version));
        p.put("started", summary.startedAt());
        return p;
    }

    /** The command line that re-runs the campaign (for a time-bounded run, the same budget, not the same models). */
    static String command(CampaignSummary summary) {
        CampaignSummary.SettingsRecord s = summary.settings();
        StringBuilder cmd = new StringBuilder("crest fuzz run");
        s.backends().forEach(b -> cmd.append(" --backend ").append(b));
        if (!s.compare().isEmpty()) {
            cmd.append(" --compare ").append(String.join(",", s.compare()));
        }
        if (s.timeBudgetSeconds() != null) {
            cmd.append(" --time ").append(formatSeconds(s.timeBudgetSeconds()));
        }
        if (s.maxModels() != null) {
            cmd.append(" --max-models ").append(s.maxModels());
        }
        cmd.append(" --seed ").append(s.seed()).append(" --nodes ").append(s.nodes()).append(" --opset ")
                .append(s.opset());
        if (!s.operators().isEmpty()) {
            cmd.append(" --ops ").append(String.join(",", s.operators()));
        }
        if (s.searchIterations() != null) {
            cmd.append(" --search-iterations ").append(s.searchIterations());
        }
        cmd.append(" --out ").append(s.out());
        return cmd.toString();
    }

    private static String formatSeconds(double seconds) {
        return seconds == Math.rint(seconds) ? (long) seconds + "s" : Math.round(seconds * 1000) + "ms";
    }
}
