package dev.crest.fuzz.finding;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.onnx.AtomicFiles;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.TestDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a finding folder written by {@link FindingStore}, checking every part: a missing or corrupted model,
 * metadata or tensor is reported as a one-line {@link FuzzException} naming the folder and the part.
 */
public final class FindingReader {
    // Newer Crest versions may add fields; an older reader still replays what it understands.
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FindingReader() {
    }

    /** Reads the finding in {@code folder}. */
    public static StoredFinding read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new FuzzException("finding folder " + folder + " does not exist");
        }
        FindingMeta meta = readMeta(folder);
        byte[] modelBytes;
        Model model;
        TestDataSet data;
        String errorLog;
        try {
            modelBytes = AtomicFiles.read(folder.resolve(FindingStore.MODEL_FILE), "model");
            model = OnnxModels.parse(modelBytes);
        } catch (GraphException e) {
            throw new FuzzException("finding " + folder + " has no usable model: " + e.getMessage(), e);
        }
        try {
            data = TestDataSet.read(folder.resolve(FindingStore.TEST_DATA), model);
        } catch (GraphException e) {
            throw new FuzzException("finding " + folder + " has unusable test data: " + e.getMessage(), e);
        }
        Path log = folder.resolve(FindingStore.ERROR_LOG);
        try {
            errorLog = Files.exists(log) ? new String(AtomicFiles.read(log, "error log"), StandardCharsets.UTF_8) : "";
        } catch (GraphException e) {
            throw new FuzzException("finding " + folder + ": " + e.getMessage(), e);
        }
        TestCase testCase = new TestCase(model, modelBytes, data.inputs(), data.outputs(), meta.seed(),
                meta.provenance() == null ? java.util.Map.of() : meta.provenance());
        return new StoredFinding(folder, meta, testCase, errorLog);
    }

    /** Reads and checks only the {@code meta.json} of the finding in {@code folder} (what reports show). */
    public static FindingMeta readMeta(Path folder) {
        Path file = folder.resolve(FindingStore.META_FILE);
        FindingMeta meta;
        try {
            meta = JSON.readValue(AtomicFiles.read(file, "finding metadata"), FindingMeta.class);
        } catch (GraphException e) {
            throw new FuzzException("finding " + folder + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new FuzzException("finding " + folder + " has corrupted metadata in " + FindingStore.META_FILE + ": "
                    + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "), e);
        } catch (IOException e) {
            throw new FuzzException("cannot read " + file + ": " + e.getMessage(), e);
        }
        validate(folder, meta);
        return meta;
    }

    /**
     * The {@code meta.json} of the finding in {@code folder} as a JSON object, for a writer that changes some fields
     * and must keep those it does not know about (a newer Crest's).
     */
    public static ObjectNode readMetaObject(Path folder) {
        Path file = folder.resolve(FindingStore.META_FILE);
        JsonNode meta;
        try {
            meta = JSON.readTree(AtomicFiles.read(file, "finding metadata"));
        } catch (GraphException e) {
            throw new FuzzException("finding " + folder + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new FuzzException("finding " + folder + " has corrupted metadata in " + FindingStore.META_FILE, e);
        } catch (IOException e) {
            throw new FuzzException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(meta instanceof ObjectNode)) {
            throw new FuzzException("finding " + folder + " has no metadata object in " + FindingStore.META_FILE);
        }
        return (ObjectNode) meta;
    }

    private static void validate(Path folder, FindingMeta meta) {
        String problem = null;
        if (meta == null) {
            problem = "it is empty";
        } else if (meta.format() != FindingMeta.FORMAT) {
            problem = "format " + meta.format() + " is not " + FindingMeta.FORMAT;
        } else if (meta.symptom() == null || meta.stage() == null || meta.backend() == null || meta.runs() == null
                || meta.runs().isEmpty() || meta.tolerance() == null) {
            problem = "symptom, stage, backend, runs and tolerance are required";
        } else {
            try {
                meta.symptomValue();
                meta.stageValue();
                meta.pairValue();
                meta.targetRuns();
            } catch (IllegalArgumentException | NullPointerException | FuzzException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new FuzzException("finding " + folder + " has invalid metadata in " + FindingStore.META_FILE + ": "
                    + problem);
        }
    }
}
