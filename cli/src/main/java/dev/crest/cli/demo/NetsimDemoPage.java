package dev.crest.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crest.report.HtmlReport;
import dev.crest.report.Table;
import dev.crest.report.chart.BarChartSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo's netsim page, built from what the demo stored in its netsim folder: each model's strategy comparison
 * ({@code compare-MODEL.json}), the busiest links of the baseline and of the fastest strategy
 * ({@code run-MODEL-STRATEGY.json}), and a link to the sweep's own report in {@code sweep/}.
 */
final class NetsimDemoPage {
    static final String COMPARE_PREFIX = "compare-";
    static final String RUN_PREFIX = "run-";
    static final String SWEEP_FOLDER = "sweep";

    private NetsimDemoPage() {
    }

    /** The comparisons stored in {@code folder}, in file-name order. */
    static List<JsonNode> comparisons(Path folder) {
        return jsonFiles(folder, COMPARE_PREFIX).stream().map(StoredJson::read).toList();
    }

    /** The fastest strategy that ran in a comparison, if any ran. */
    static Optional<JsonNode> fastest(JsonNode comparison) {
        JsonNode best = null;
        for (JsonNode s : comparison.get("strategies")) {
            if (!s.get("skipped").asBoolean() && (best == null
                    || s.get("iterationSeconds").asDouble() < best.get("iterationSeconds").asDouble())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    static String runFileName(String model, String strategy) {
        return RUN_PREFIX + model + "-" + strategy.replace('+', '_') + ".json";
    }

    static Path write(Path folder) {
        List<JsonNode> comparisons = comparisons(folder);
        HtmlReport.Builder report = HtmlReport.builder("Network simulation: strategies compared")
                .subtitle("One synchronous data-parallel iteration per strategy, simulated packet by packet");
        if (!comparisons.isEmpty()) {
            JsonNode first = comparisons.get(0);
            report.provenance("workers", first.get("workers").asText())
                    .provenance("bandwidth per worker", first.get("bandwidth").asText() + "bit/s")
                    .provenance("topology", first.get("topology").asText());
        }
        for (JsonNode comparison : comparisons) {
            String model = comparison.get("model").asText();
            report.section(model + ": every strategy", s -> {
                Table.Builder table = Table.builder("strategy", "iteration time (s)", "speed-up over ps",
                        "gradient exchange (s)", "note").caption(String.format(Locale.ROOT,
                        "%s, %s workers at %sbit/s", model, comparison.get("workers").asText(),
                        comparison.get("bandwidth").asText()));
                for (JsonNode st : comparison.get("strategies")) {
                    String name = st.get("strategy").asText();
                    if (st.get("skipped").asBoolean()) {
                        table.row(name, null, null, null, "skipped: " + st.get("reason").asText());
                        continue;
                    }
                    JsonNode speedUp = st.get("speedUpOverPs");
                    table.row(name, st.get("iterationSeconds").asDouble(),
                            speedUp.isNull() ? null : speedUp.asDouble(),
                            st.get("gradientExchangeSeconds").asDouble(), "");
                }
                s.table(table.csv("compare-" + model + ".csv").build());
                linkLoads(folder, model, comparison, s);
            });
        }
        if (!comparisons.isEmpty()) {
            report.section("Speed-up over ps", s -> s
                    .paragraph("Iteration time of ps divided by each strategy's, per model (0 where a strategy "
                            + "could not run at this size).")
                    .chart(speedUpChart(comparisons)));
        }
        report.section("Sweep over workers and bandwidth", s -> s
                .paragraph("Iteration time of every strategy as the cluster grows and as the bandwidth changes, "
                        + "with speed-up bars per cluster size, in the sweep's own report:")
                .link(SWEEP_FOLDER + "/" + HtmlReport.INDEX_FILE, "sweep report (iteration time vs. workers and "
                        + "vs. bandwidth, speed-up over ps)"));
        return report.build().writeTo(folder);
    }

    /** Models as groups, one bar per strategy, so the strategies' names sit in the legend rather than overlap. */
    private static BarChartSpec speedUpChart(List<JsonNode> comparisons) {
        List<String> models = comparisons.stream().map(c -> c.get("model").asText()).toList();
        Map<String, double[]> bars = new LinkedHashMap<>();
        for (int m = 0; m < comparisons.size(); m++) {
            for (JsonNode st : comparisons.get(m).get("strategies")) {
                double[] values = bars.computeIfAbsent(st.get("strategy").asText(), k -> new double[models.size()]);
                JsonNode speedUp = st.get("speedUpOverPs");
                values[m] = st.get("skipped").asBoolean() || speedUp == null || speedUp.isNull() ? 0
                        : speedUp.asDouble();
            }
        }
        BarChartSpec.Builder chart = BarChartSpec.builder("Speed-up over ps at "
                + comparisons.get(0).get("workers").asText() + " workers, " + comparisons.get(0).get("bandwidth")
                .asText() + "bit/s").xLabel("model").yLabel("speed-up over ps (×)").categories(models).size(760, 480);
        bars.forEach(chart::series);
        return chart.build();
    }

    private static void linkLoads(Path folder, String model, JsonNode comparison,
            dev.crest.report.Section.Builder s) {
        List<String> strategies = new ArrayList<>(List.of("ps"));
        fastest(comparison).map(b -> b.get("strategy").asText()).filter(b -> !b.equals("ps"))
                .ifPresent(strategies::add);
        for (String strategy : strategies) {
            Path file = folder.resolve(runFileName(model, strategy));
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode links = StoredJson.read(file).get("busiestLinks");
            if (links == null || links.isEmpty()) {
                continue;
            }
            Table.Builder table = Table.builder("link", "bits", "busy (s)", "utilization")
                    .caption("Busiest links under " + strategy);
            List<String> names = new ArrayList<>();
            double[] utilization = new double[links.size()];
            int i = 0;
            for (JsonNode l : links) {
                String name = l.get("from").asText() + " → " + l.get("to").asText();
                names.add(name);
                utilization[i++] = 100 * l.get("utilisation").asDouble();
                table.row(name, l.get("bits").asLong(), l.get("busySeconds").asDouble(),
                        l.get("utilisation").asDouble());
            }
            s.table(table.build());
            s.chart(BarChartSpec.builder("Busiest links under " + strategy + ", " + model).xLabel("link")
                    .yLabel("utilization over the iteration (%)").categories(names).series(strategy, utilization)
                    .build());
        }
    }

    private static List<Path> jsonFiles(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
