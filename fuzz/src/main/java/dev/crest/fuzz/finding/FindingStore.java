package dev.crest.fuzz.finding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.AtomicFiles;
import dev.crest.graph.onnx.TestDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves findings under a root folder, each as {@code bug-<symptom>-<stage>-<n>/} holding {@code model.onnx},
 * {@code test_data_set_0/} (inputs and reference outputs as ONNX tensors), {@code meta.json}, {@code error.log}
 * and {@code replay.sh}. A finding is written into a hidden temporary folder and then renamed into place, so a
 * reader (or a crash mid-write) never sees half a finding.
 */
public final class FindingStore {
    /** The model file in a finding folder. */
    public static final String MODEL_FILE = "model.onnx";
    /** The metadata file in a finding folder. */
    public static final String META_FILE = "meta.json";
    /** The error log in a finding folder. */
    public static final String ERROR_LOG = "error.log";
    /** The replay script in a finding folder. */
    public static final String REPLAY_SCRIPT = "replay.sh";
    /** The test data folder in a finding folder. */
    public static final String TEST_DATA = "test_data_set_0";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    /** A store writing into {@code root} (created when missing). */
    public FindingStore(Path root) {
        this.root = root;
    }

    /** The folder findings are written to. */
    public Path root() {
        return root;
    }

    /**
     * Saves one finding and returns its folder. {@code testCase} must carry its reference outputs when the
     * reference succeeded; {@code options} are recorded as given.
     */
    public Path save(TestCase testCase, Finding finding, List<TargetRun> runs, Tolerance tolerance,
            Map<String, String> options) {
        String prefix = "bug-" + finding.symptom().label() + "-" + finding.stage().label() + "-";
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempDirectory(root, "." + prefix);
            // createTempDirectory makes the folder owner-only; a finding is an ordinary shared folder.
            setPermissions(temp, "rwxr-xr-x");
            writeContents(temp, testCase, finding);
            for (int n = nextNumber(prefix); ; n++) {
                Path target = root.resolve(prefix + n);
                if (Files.exists(target)) {
                    continue;
                }
                FindingMeta meta = FindingMeta.of(finding, runs, tolerance, options, testCase.seed(),
                        testCase.provenance(), replayCommand(target));
                Files.write(temp.resolve(META_FILE), JSON.writeValueAsBytes(meta));
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    temp = null;
                    return target;
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // Another campaign took this number between the check and the move: try the next one.
                }
            }
        } catch (IOException | GraphException e) {
            throw new FuzzException("cannot save a finding under " + root + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                // Saving already failed and says so; a leftover hidden temporary folder is secondary.
                AtomicFiles.deleteTreeQuietly(temp);
            }
        }
    }

    /** The command that replays the finding in {@code folder}. */
    public static String replayCommand(Path folder) {
        return "crest fuzz replay " + folder.toAbsolutePath().normalize();
    }

    /**
     * Points the replay command recorded in every {@code meta.json} below {@code tree} (the findings, and the reduced
     * cases inside them) at the folder that file is in now: what findings need after being moved, as the demo moves
     * its campaign from a staging folder into place. The other fields stay as they are. The {@code replay.sh}
     * scripts need nothing: they name their own folder, wherever it is.
     */
    public static void repointReplayCommands(Path tree) {
        repointReplayCommands(tree, tree);
    }

    /**
     * {@link #repointReplayCommands(Path)} for a {@code tree} that is about to be moved to {@code destination}: each
     * command names the folder its file will be in after the move, so the tree can be made right before the move
     * that publishes it.
     */
    public static void repointReplayCommands(Path tree, Path destination) {
        List<Path> metas;
        try (Stream<Path> walk = Files.walk(tree)) {
            metas = walk.filter(p -> p.getFileName().toString().equals(META_FILE) && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            throw new FuzzException("cannot list the findings in " + tree + ": " + e.getMessage(), e);
        }
        for (Path file : metas) {
            ObjectNode meta = FindingReader.readMetaObject(file.getParent());
            meta.put("replay", replayCommand(destination.resolve(tree.relativize(file.getParent()))));
            try {
                AtomicFiles.write(file, JSON.writeValueAsBytes(meta));
            } catch (IOException | GraphException e) {
                throw new FuzzException("cannot rewrite " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void writeContents(Path folder, TestCase testCase, Finding finding) throws IOException {
        Files.write(folder.resolve(MODEL_FILE), testCase.modelBytes());
        new TestDataSet(testCase.inputs(), testCase.referenceOutputs()).write(folder.resolve(TEST_DATA), testCase.model());
        String log = finding.message() + "\n" + (finding.errorLog().isEmpty() ? "" : "\n" + finding.errorLog());
        Files.write(folder.resolve(ERROR_LOG), log.getBytes(StandardCharsets.UTF_8));
        Path script = folder.resolve(REPLAY_SCRIPT);
        // Relative to the script's own folder, so the finding can be moved or shared.
        Files.write(script, "#!/bin/sh\nexec crest fuzz replay \"$(dirname \"$0\")\"\n".getBytes(StandardCharsets.UTF_8));
        setPermissions(script, "rwxr-xr-x");
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private int nextNumber(String prefix) throws IOException {
        Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "(\\d+)");
        int next = 0;
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Matcher m = numbered.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
                }
            }
        }
        return next;
    }
}
