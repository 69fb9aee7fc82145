package dev.crest.ame.run;

import dev.crest.ame.AmeException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only text file of finished submodels. It starts with a header of provenance lines
 * ({@code key=value}, see {@link CheckpointHeader}) closed by {@code end-header}; then each finished submodel is
 * one line {@code index,p,outcome₁,…,outcome_Q} written whole and flushed. Doubles are written in Java's
 * shortest round-trip form, so a resumed run reproduces the stored values bit for bit.
 *
 * <p>A crash can leave the last line incomplete (no newline, or too few fields): reading drops it and resuming
 * cuts it off before appending. A malformed line elsewhere, or a header that differs from the run's, is an
 * {@link AmeException}.
 */
public final class Checkpoint implements Closeable {
    static final String MAGIC = "crest-ame-checkpoint 1";
    static final String END_HEADER = "end-header";

    private final Path file;
    private final OutputStream out;
    private final List<SubmodelResult> finished;

    private Checkpoint(Path file, OutputStream out, List<SubmodelResult> finished) {
        this.file = file;
        this.out = out;
        this.finished = finished;
    }

    /** Starts a new checkpoint; an existing file is refused so that finished work is never overwritten. */
    public static Checkpoint create(Path file, CheckpointHeader header) {
        if (Files.exists(file)) {
            throw new AmeException("checkpoint " + file + " already exists; resume it with --resume or choose"
                    + " another output directory");
        }
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        for (Map.Entry<String, String> field : header.fields().entrySet()) {
            text.append(field.getKey()).append('=').append(field.getValue()).append('\n');
        }
        text.append(END_HEADER).append('\n');
        try {
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new Checkpoint(file, out, new ArrayList<>());
        } catch (IOException e) {
            throw new AmeException("cannot create checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reopens {@code file} for appending after checking its header against {@code header}, cutting off an
     * incomplete last record; a missing file starts a new checkpoint.
     */
    public static Checkpoint resume(Path file, CheckpointHeader header) {
        if (!Files.exists(file)) {
            return create(file, header);
        }
        Contents contents = read(file);
        for (Map.Entry<String, String> field : header.fields().entrySet()) {
            String stored = contents.header().get(field.getKey());
            if (!field.getValue().equals(stored)) {
                throw new AmeException("checkpoint " + file + " was written with " + field.getKey() + "=" + stored
                        + " but this run has " + field.getKey() + "=" + field.getValue()
                        + "; use the original settings or another output directory");
            }
        }
        try {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(contents.validLength());
            }
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new Checkpoint(file, out, new ArrayList<>(contents.records()));
        } catch (IOException e) {
            throw new AmeException("cannot reopen checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The submodels finished before this session, in file order. */
    public List<SubmodelResult> finished() {
        return List.copyOf(finished);
    }

    /** The indices of {@link #finished()}. */
    public BitSet finishedIndices() {
        BitSet indices = new BitSet();
        for (SubmodelResult result : finished) {
            indices.set(result.index());
        }
        return indices;
    }

    /** Appends one finished submodel as a whole line and flushes it to the file. */
    public synchronized void append(SubmodelResult result) {
        StringBuilder line = new StringBuilder();
        line.append(result.index()).append(',').append(result.probability());
        for (double value : result.outcomes()) {
            line.append(',').append(value);
        }
        line.append('\n');
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new AmeException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new AmeException("cannot close checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** A checkpoint as read back: header fields, complete records, and the byte length they occupy. */
    public record Contents(Map<String, String> header, List<SubmodelResult> records, long validLength) {
        /** The records sorted by submodel index (duplicates are impossible in a file this class wrote). */
        public List<SubmodelResult> byIndex() {
            List<SubmodelResult> sorted = new ArrayList<>(records);
            sorted.sort(Comparator.comparingInt(SubmodelResult::index));
            return sorted;
        }
    }

    /** Reads a checkpoint, dropping an incomplete last record. */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AmeException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<SubmodelResult> records = new ArrayList<>();
        int position = 0;
        int lineNumber = 0;
        boolean inHeader = true;
        int queryCount = -1;
        while (position < bytes.length) {
            int newline = position;
            while (newline < bytes.length && bytes[newline] != '\n') {
                newline++;
            }
            boolean complete = newline < bytes.length;
            String line = new String(bytes, position, newline - position, StandardCharsets.UTF_8);
            lineNumber++;
            String where = "checkpoint " + file + " line " + lineNumber;
            if (inHeader) {
                if (!complete) {
                    throw new AmeException(where + ": the header is incomplete; delete the checkpoint and start over");
                }
                if (lineNumber == 1) {
                    if (!line.equals(MAGIC)) {
                        throw new AmeException("checkpoint " + file + " is not a crest ame checkpoint");
                    }
                } else if (line.equals(END_HEADER)) {
                    inHeader = false;
                    queryCount = parseQueryCount(header.get("query-count"), file);
                } else {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        throw new AmeException(where + ": malformed header line '" + line + "'");
                    }
                    header.put(line.substring(0, eq), line.substring(eq + 1));
                }
            } else {
                SubmodelResult record = complete ? parseRecord(line, queryCount) : null;
                if (record == null) {
                    if (newline + 1 >= bytes.length) {
                        break; // an incomplete last record left by a crash: drop it
                    }
                    throw new AmeException(where + ": malformed record; the checkpoint is corrupt");
                }
                records.add(record);
            }
            position = newline + 1;
        }
        if (inHeader) {
            throw new AmeException("checkpoint " + file + " has no complete header; delete it and start over");
        }
        return new Contents(header, records, Math.min(position, bytes.length));
    }

    private static int parseQueryCount(String text, Path file) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new AmeException("checkpoint " + file + " has no valid query-count in its header");
        }
    }

    /** The record on {@code line}, or null when it does not have the expected shape. */
    private static SubmodelResult parseRecord(String line, int queryCount) {
        String[] fields = line.split(",", -1);
        if (fields.length != queryCount + 2) {
            return null;
        }
        try {
            int index = Integer.parseInt(fields[0]);
            double probability = Double.parseDouble(fields[1]);
            double[] outcomes = new double[queryCount];
            for (int q = 0; q < queryCount; q++) {
                outcomes[q] = Double.parseDouble(fields[q + 2]);
            }
            return new SubmodelResult(index, probability, outcomes);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
