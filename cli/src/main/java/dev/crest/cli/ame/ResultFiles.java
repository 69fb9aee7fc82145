package dev.crest.cli.ame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crest.ame.AmeException;
import dev.crest.ame.data.AtomicFile;
import dev.crest.ame.estimate.KnockoffAmeResult;
import dev.crest.ame.estimate.KnockoffSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's results into its output directory: {@code scores.csv} (query, point, ame, selected) and
 * {@code selected.json} (per query the knockoff threshold and selected points, plus the settings). Each file is
 * written through {@link AtomicFile}, so a reader never sees half a file.
 */
final class ResultFiles {
    static final String SCORES = "scores.csv";
    static final String SELECTED = "selected.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    static void write(Path outDir, AmeScores scores, Map<String, Object> provenance) {
        AtomicFile.writeString(outDir.resolve(SCORES), scoresCsv(scores));
        AtomicFile.writeString(outDir.resolve(SELECTED), json(selectedDocument(scores, provenance)));
    }

    static String scoresCsv(AmeScores scores) {
        StringBuilder csv = new StringBuilder("query,point,ame,selected\n");
        for (int q = 0; q < scores.columns(); q++) {
            for (int i = 0; i < scores.points(); i++) {
                csv.append(scores.label(q)).append(',').append(i).append(',').append(scores.ame(q, i)).append(',')
                        .append(scores.selected(q, i)).append('\n');
            }
        }
        return csv.toString();
    }

    /** The selected.json document (also printed by {@code --json}). */
    static Map<String, Object> selectedDocument(AmeScores scores, Map<String, Object> provenance) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("settings", provenance);
        doc.put("submodels", scores.submodels());
        doc.put("scale", scores.estimate().scale());
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int q = 0; q < scores.columns(); q++) {
            KnockoffAmeResult knockoff = scores.knockoffs().get(q);
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("query", scores.jsonLabel(q));
            if (scores.combined()) {
                query.put("rows", Arrays.stream(scores.queryRows()).boxed().toList());
            }
            query.put("lambda", scores.estimate().queries().get(q).lambda());
            query.put("helping", selection(knockoff.helping()));
            query.put("hurting", selection(knockoff.hurting()));
            queries.add(query);
        }
        doc.put("queries", queries);
        return doc;
    }

    private static Map<String, Object> selection(KnockoffSelection selection) {
        Map<String, Object> doc = new LinkedHashMap<>();
        // JSON has no infinity: null says that no threshold met the FDR target.
        doc.put("threshold", Double.isInfinite(selection.threshold()) ? null : selection.threshold());
        doc.put("selected", Arrays.stream(selection.selected()).boxed().toList());
        return doc;
    }

    static String json(Object document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize result", e);
        }
    }

    /** Creates {@code dir} and its parents, if missing, as the place a command writes its files. */
    static void createOutputDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AmeException("cannot create output directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
