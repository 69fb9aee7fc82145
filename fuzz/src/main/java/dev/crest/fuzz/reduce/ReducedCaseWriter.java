package dev.crest.fuzz.reduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.AtomicFiles;
import dev.crest.graph.onnx.TestDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a reduction into its finding folder as {@code reduced/}: {@code model.onnx}, {@code test_data_set_0/}
 * (inputs and reference outputs in the ONNX test-data layout), {@code reduction.json} (node and element counts
 * before and after, operators, attempts, time), and a {@code meta.json}, {@code error.log} and {@code replay.sh}
 * derived from the finding's own, so {@code crest fuzz replay <finding>/reduced} replays the reduced case. The
 * folder is assembled under a hidden temporary name and renamed into place, replacing an earlier reduction.
 */
public final class ReducedCaseWriter {
    /** The folder a reduction is written to, inside the finding folder. */
    public static final String FOLDER = "reduced";
    /** The reduction's own record in that folder. */
    public static final String REDUCTION_FILE = "reduction.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReducedCaseWriter() {
    }

    /** Writes {@code result} into {@code bugDir/reduced/} and returns that folder. */
    public static Path write(Path bugDir, ReductionResult result) {
        if (!result.reproduced()) {
            throw new FuzzException("the finding in " + bugDir + " did not reproduce, so there is no reduced case to write");
        }
        ObjectNode meta = reducedMeta(bugDir, result);
        Path target = bugDir.resolve(FOLDER);
        Path temp = null;
        Path old = null;
        try {
            temp = Files.createTempDirectory(bugDir, "." + FOLDER + "-");
            setPermissions(temp, "rwxr-xr-x");
            writeContents(temp, result, meta);
            if (Files.exists(target)) {
                // A folder cannot be replaced in one rename: move the old one aside first, then drop it.
                old = Files.createTempDirectory(bugDir, "." + FOLDER + "-old-");
                Files.delete(old);
                move(target, old);
            }
            move(temp, target);
            temp = null;
            return target;
        } catch (IOException | GraphException e) {
            throw new FuzzException("cannot write the reduced case into " + bugDir + ": " + e.getMessage(), e);
        } finally {
            // The write itself succeeded or already failed and says so; a leftover hidden folder is secondary.
            if (temp != null) {
                AtomicFiles.deleteTreeQuietly(temp);
            }
            if (old != null) {
                AtomicFiles.deleteTreeQuietly(old);
            }
        }
    }

    private static ObjectNode reducedMeta(Path bugDir, ReductionResult result) {
        // Start from the original's record and change only what the reduced case changes, so fields this class
        // does not know about survive.
        ObjectNode meta = FindingReader.readMetaObject(bugDir);
        Finding finding = result.finding();
        meta.put("message", finding.message());
        meta.put("maxAbsError", finding.maxAbsError());
        meta.put("maxRelError", finding.maxRelError());
        if (!finding.backendVersion().isEmpty()) {
            // A worker that died before saying its version reports none; the original's then still holds.
            meta.put("backendVersion", finding.backendVersion());
        }
        // The original's localization names a node of the original model; the reduced case has its own.
        if (finding.localization().isPresent()) {
            meta.set("localization", JSON.valueToTree(finding.localization().get()));
        } else {
            meta.remove("localization");
        }
        meta.set("provenance", JSON.valueToTree(result.reduced().provenance()));
        meta.put("replay", FindingStore.replayCommand(bugDir.resolve(FOLDER)));
        return meta;
    }

    private static void writeContents(Path folder, ReductionResult result, ObjectNode meta) throws IOException {
        TestCase reduced = result.reduced();
        Files.write(folder.resolve(FindingStore.MODEL_FILE), reduced.modelBytes());
        new TestDataSet(reduced.inputs(), reduced.referenceOutputs())
                .write(folder.resolve(FindingStore.TEST_DATA), reduced.model());
        Files.write(folder.resolve(FindingStore.META_FILE), JSON.writeValueAsBytes(meta));
        Files.write(folder.resolve(REDUCTION_FILE), JSON.writeValueAsBytes(reductionRecord(result)));
        Finding finding = result.finding();
        String log = finding.message() + "\n" + (finding.errorLog().isEmpty() ? "" : "\n" + finding.errorLog());
        Files.write(folder.resolve(FindingStore.ERROR_LOG), log.getBytes(StandardCharsets.UTF_8));
        Path script = folder.resolve(FindingStore.REPLAY_SCRIPT);
        Files.write(script, "#!/bin/sh\nexec crest fuzz replay \"$(dirname \"$0\")\"\n".getBytes(StandardCharsets.UTF_8));
        setPermissions(script, "rwxr-xr-x");
    }

    /** The content of {@code reduction.json}, also what {@code crest fuzz reduce --json} prints. */
    public static Map<String, Object> reductionRecord(ReductionResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("nodesBefore", result.nodesBefore());
        doc.put("nodesAfter", result.nodesAfter());
        doc.put("operators", result.operators());
        doc.put("elementsBefore", result.elementsBefore());
        doc.put("elementsAfter", result.elementsAfter());
        doc.put("attempts", result.attempts());
        doc.put("elapsedSeconds", result.elapsed().toMillis() / 1000.0);
        doc.put("cutShort", result.cutShort());
        Finding finding = result.finding();
        doc.put("symptom", finding.symptom().label());
        doc.put("stage", finding.stage().label());
        doc.put("backend", finding.backend());
        doc.put("pair", finding.pair().map(Object::toString).orElse(null));
        doc.put("message", finding.message());
        return doc;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
