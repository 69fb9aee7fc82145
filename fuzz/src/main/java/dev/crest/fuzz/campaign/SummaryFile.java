package dev.crest.fuzz.campaign;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crest.fuzz.FuzzException;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads {@code summary.json}; the file is replaced atomically, so a reader never sees half of it. */
public final class SummaryFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SummaryFile() {
    }

    /** Writes {@code summary} to {@code folder/summary.json} and returns the file. */
    public static Path write(Path folder, CampaignSummary summary) {
        Path file = folder.resolve(CampaignSummary.FILE);
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(summary));
            return file;
        } catch (IOException | GraphException e) {
            throw new FuzzException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the summary in {@code folder}. */
    public static CampaignSummary read(Path folder) {
        Path file = folder.resolve(CampaignSummary.FILE);
        try {
            return JSON.readValue(AtomicFiles.read(file, "campaign summary"), CampaignSummary.class);
        } catch (IOException | GraphException e) {
            throw new FuzzException("cannot read " + file + ": " + e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
        }
    }
}
