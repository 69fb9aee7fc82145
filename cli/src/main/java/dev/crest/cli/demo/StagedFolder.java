package dev.crest.cli.demo;

import dev.crest.cli.CliException;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A tool's output folder written under a hidden staging name ({@code .NAME.partial}) and renamed into place only
 * when the tool finished, so an interrupted demo never leaves a half-written page where the index links to.
 */
final class StagedFolder {
    private final Path stage;
    private final Path target;

    private StagedFolder(Path stage, Path target) {
        this.stage = stage;
        this.target = target;
    }

    /** Starts {@code out/name}: an empty staging folder beside it, left-overs of an earlier attempt removed. */
    static StagedFolder begin(Path out, String name) {
        StagedFolder folder = new StagedFolder(out.resolve("." + name + ".partial"), out.resolve(name));
        try {
            AtomicFiles.deleteTree(folder.stage);
            Files.createDirectories(folder.stage);
        } catch (IOException | GraphException e) {
            throw new CliException("cannot create " + folder.stage + ": " + e.getMessage());
        }
        return folder;
    }

    /** Where the tool writes while it runs. */
    Path stage() {
        return stage;
    }

    /** Where the finished output lives. */
    Path target() {
        return target;
    }

    /** Replaces any earlier output with the staged one and returns its final place. */
    Path publish() {
        try {
            AtomicFiles.deleteTree(target);
            try {
                Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(stage, target);
            }
        } catch (IOException | GraphException e) {
            throw new CliException("cannot move " + stage + " to " + target + ": " + e.getMessage());
        }
        return target;
    }

    /** Removes the staged output of a tool that failed; an earlier complete output stays. */
    void discard() {
        AtomicFiles.deleteTree(stage);
    }
}
