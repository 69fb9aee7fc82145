package dev.crest.ame.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance a checkpoint starts with: everything that determines its records. A resumed run must present
 * an identical header, so submodels trained under other settings are never mixed in.
 *
 * @param queries the query rows, e.g. {@code 0,5,9} (their count fixes the record width)
 * @param grid the design's probability grid, e.g. {@code 0.2,0.4,0.6,0.8}
 */
public record CheckpointHeader(long seed, int trainingSize, String queries, int queryCount, String learner,
        String outcome, String grid) {
    public CheckpointHeader {
        for (String value : new String[] {queries, learner, outcome, grid}) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("checkpoint header values must be single lines: " + value);
            }
        }
        if (queryCount < 0 || trainingSize < 0) {
            throw new IllegalArgumentException("negative size in checkpoint header");
        }
    }

    /** The fields as written, in file order. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("seed", Long.toString(seed));
        fields.put("training-size", Integer.toString(trainingSize));
        fields.put("queries", queries);
        fields.put("query-count", Integer.toString(queryCount));
        fields.put("learner", learner);
        fields.put("outcome", outcome);
        fields.put("grid", grid);
        return fields;
    }
}
