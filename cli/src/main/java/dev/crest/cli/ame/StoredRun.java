package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
import dev.crest.ame.data.Queries;
import dev.crest.ame.design.Design;
import dev.crest.ame.run.Checkpoint;
import dev.crest.ame.run.OutcomeMatrix;
import dev.crest.ame.run.SubmodelResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A run's output directory as read back from its checkpoint: the design and queries recorded in the header and the
 * outcomes of the finished submodels. Everything {@code ame estimate} needs, without the training data.
 */
final class StoredRun {
    static final String CHECKPOINT = "outcomes.ckpt";

    private final Checkpoint.Contents contents;
    private final Path file;

    private StoredRun(Path file, Checkpoint.Contents contents) {
        this.file = file;
        this.contents = contents;
    }

    static StoredRun read(Path outDir) {
        Path file = outDir.resolve(CHECKPOINT);
        if (!Files.isRegularFile(file)) {
            throw new AmeException("no checkpoint " + file + "; run 'crest ame run --out " + outDir + "' first");
        }
        return new StoredRun(file, Checkpoint.read(file));
    }

    /** The design the checkpoint was trained on, rebuilt from its seed, training size and grid. */
    Design design() {
        return new Design(intField("training-size"), parseGrid(field("grid")), longField("seed"));
    }

    int[] queryRows() {
        return Queries.parseIndices(field("queries"));
    }

    /**
     * The outcomes of submodels 0..M−1 where M is {@code limit} or, when {@code limit} is 0, the longest run of
     * finished submodels from 0.
     */
    OutcomeMatrix outcomes(int limit) {
        int submodels = limit;
        if (submodels == 0) {
            BitSet finished = new BitSet();
            for (SubmodelResult result : contents.records()) {
                finished.set(result.index());
            }
            submodels = finished.nextClearBit(0);
        }
        return OutcomeMatrix.of(contents.records(), submodels, intField("query-count"));
    }

    /** The header fields with the estimation settings added, for selected.json. */
    Map<String, Object> provenance(EstimationOptions options) {
        Map<String, Object> settings = new LinkedHashMap<>(contents.header());
        settings.put("fdr", options.fdr);
        settings.put("lambda", options.lambda);
        settings.put("knockoff", options.knockoff);
        settings.put("combine-queries", options.combineQueries);
        return settings;
    }

    /** Parses a grid such as {@code 0.2,0.4,0.6,0.8}. */
    static double[] parseGrid(String text) {
        try {
            // The -1 limit keeps trailing empty fields, so "0.2,0.4," is refused like "0.2,,0.4".
            return Arrays.stream(text.split(",", -1)).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new AmeException("grid '" + text + "' is not a comma-separated list of probabilities");
        }
    }

    /** The grid as written to a checkpoint header. */
    static String formatGrid(double[] grid) {
        return Arrays.stream(grid).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private String field(String key) {
        String value = contents.header().get(key);
        if (value == null) {
            throw new AmeException("checkpoint " + file + " has no " + key + " in its header");
        }
        return value;
    }

    private int intField(String key) {
        return parsedField(key, Integer::parseInt);
    }

    private long longField(String key) {
        return parsedField(key, Long::parseLong);
    }

    private <T> T parsedField(String key, Function<String, T> parse) {
        try {
            return parse.apply(field(key));
        } catch (NumberFormatException e) {
            throw new AmeException("checkpoint " + file + " has a malformed " + key + " in its header");
        }
    }
}
