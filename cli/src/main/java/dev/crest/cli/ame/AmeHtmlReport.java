package dev.crest.cli.ame;

import dev.crest.ame.estimate.KnockoffAmeResult;
import dev.crest.ame.estimate.KnockoffSelection;
import dev.crest.report.HtmlReport;
import dev.crest.report.Table;
import dev.crest.report.chart.BarChartSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The HTML report of a run ({@code index.html} in its output directory): per query the top contributing points,
 * the knockoff threshold, a histogram of the scores, and precision/recall when the true points are known. When
 * the training set is at hand the top points show their label and, for images, a thumbnail.
 */
final class AmeHtmlReport {
    /** How many of the highest-scoring points the report lists per query. */
    static final int TOP = 20;
    private static final int BINS = 12;

    private AmeHtmlReport() {
    }

    /** @param points the training set, or null when it is not available (then no labels or thumbnails) */
    static Path write(Path outDir, AmeScores scores, Map<String, Object> provenance, GroundTruth truth,
            TrainingPoints points) {
        return build(scores, provenance, truth, points).writeTo(outDir);
    }

    static HtmlReport build(AmeScores scores, Map<String, Object> provenance, GroundTruth truth,
            TrainingPoints points) {
        int[] rows = scores.queryRows();
        HtmlReport.Builder report = HtmlReport.builder("Training points behind the predictions (AME)")
                .subtitle(scores.points() + " training points, " + rows.length + " queries"
                        + (scores.combined() ? " scored as one (mean outcome)" : "") + ", " + scores.submodels()
                        + " submodels");
        Map<String, String> settings = new LinkedHashMap<>();
        provenance.forEach((key, value) -> settings.put(key, String.valueOf(value)));
        report.provenance(settings);
        for (int q = 0; q < scores.columns(); q++) {
            int query = q;
            KnockoffAmeResult knockoff = scores.knockoffs().get(q);
            KnockoffSelection helping = knockoff.helping();
            String heading = scores.combined() ? "Queries " + Arrays.toString(rows) + " combined (mean outcome)"
                    : "Query " + rows[q];
            report.section(heading, s -> {
                s.paragraph(String.format(Locale.ROOT, "Knockoff threshold on W: %s; %d point(s) selected at FDR %s;"
                        + " λ = %.4g.", Double.isInfinite(helping.threshold()) ? "none met the FDR target"
                                : String.format(Locale.ROOT, "%.4g", helping.threshold()),
                        helping.selected().length, provenance.get("fdr"),
                        scores.estimate().queries().get(query).lambda()));
                if (truth != null) {
                    int[] selected = helping.selected();
                    s.paragraph(String.format(Locale.ROOT, "Against the ground truth (%d points): precision %s,"
                            + " recall %s (%d hit(s)).", truth.size(), ratio(truth.precision(selected)),
                            ratio(truth.recall(selected)), truth.hits(selected)));
                }
                s.table(topTable(scores, query, truth, points));
                s.chart(histogram(scores, query, scores.label(query)));
            });
        }
        return report.build();
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static Table topTable(AmeScores scores, int q, GroundTruth truth, TrainingPoints points) {
        boolean images = points != null && points.hasImages();
        List<String> columns = new ArrayList<>(List.of("rank"));
        if (images) {
            columns.add("image");
        }
        columns.add("point");
        if (points != null) {
            columns.add("label");
        }
        columns.addAll(List.of("AME", "selected"));
        if (truth != null) {
            columns.add("true point");
        }
        Table.Builder table = Table.builder(columns).caption("Top " + TOP + " points by AME");
        int[] top = scores.topPoints(q, TOP);
        for (int rank = 0; rank < top.length; rank++) {
            int i = top[rank];
            List<Object> row = new ArrayList<>(List.of(rank + 1));
            if (images) {
                row.add(points.thumbnail(i));
            }
            row.add(i);
            if (points != null) {
                row.add(points.label(i));
            }
            row.addAll(List.of(scores.ame(q, i), scores.selected(q, i) ? "yes" : "no"));
            if (truth != null) {
                row.add(truth.hits(new int[] {i}) == 1 ? "yes" : "no");
            }
            table.row(row);
        }
        return table.build();
    }

    /** Counts of AME scores in equal-width bins between the smallest and largest score. */
    static BarChartSpec histogram(AmeScores scores, int q, String queryLabel) {
        double[] values = IntStream.range(0, scores.points()).mapToDouble(i -> scores.ame(q, i)).toArray();
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(0);
        int bins = max > min ? BINS : 1;
        double width = (max - min) / bins;
        double[] counts = new double[bins];
        for (double v : values) {
            int bin = bins == 1 ? 0 : Math.min(bins - 1, (int) ((v - min) / width));
            counts[bin]++;
        }
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(Locale.ROOT, "%d: from %.3g", b + 1, min + b * width));
        }
        return BarChartSpec.builder("Scores of query " + queryLabel).xLabel("AME bin").yLabel("points")
                .categories(labels).series("points", counts).build();
    }
}
