package dev.crest.cli.ame;

import dev.crest.ame.estimate.KnockoffAmeResult;
import dev.crest.cli.JsonOutput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Writes the result files of a run or refit and tells the user what was found. */
final class ScoreReport {
    /** How many of the highest-scoring points the text summary lists per query. */
    private static final int TOP = 5;

    private ScoreReport() {
    }

    /**
     * @param truth the known influential points, or null when unknown
     * @param points the training set for labels and thumbnails in the report, or null when not at hand
     */
    static void write(PrintWriter out, Path outDir, AmeScores scores, Map<String, Object> provenance,
            GroundTruth truth, TrainingPoints points, boolean json) {
        ResultFiles.write(outDir, scores, provenance);
        Path page = AmeHtmlReport.write(outDir, scores, provenance, truth, points);
        if (json) {
            JsonOutput.print(out, ResultFiles.selectedDocument(scores, provenance));
            return;
        }
        int[] rows = scores.queryRows();
        out.printf(Locale.ROOT, "estimated %d training points on %d queries from %d submodels%n", scores.points(),
                rows.length, scores.submodels());
        for (int q = 0; q < scores.columns(); q++) {
            KnockoffAmeResult knockoff = scores.knockoffs().get(q);
            StringBuilder line = new StringBuilder();
            for (int i : scores.topPoints(q, TOP)) {
                line.append(String.format(Locale.ROOT, " %d (%.4g)", i, scores.ame(q, i)));
            }
            int[] selected = knockoff.helping().selected();
            out.printf(Locale.ROOT, "query %s: %d point(s) selected%s; top:%s%n", scores.label(q), selected.length,
                    selected.length == 0 ? "" : " " + Arrays.toString(selected), line);
        }
        out.println("wrote " + outDir.resolve(ResultFiles.SCORES) + ", " + outDir.resolve(ResultFiles.SELECTED)
                + " and " + page);
        out.flush();
    }
}
