package dev.crest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Writes a report's files into a folder, each through a temporary file moved atomically into place. */
final class ReportFolderWriter {

    private final Path folder;

    ReportFolderWriter(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Writes the files in iteration order and returns the folder. */
    Path write(Map<String, String> files) {
        createFolder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            writeFile(file.getKey(), file.getValue());
        }
        return folder;
    }

    private void createFolder() {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ReportException("cannot write the report to " + folder + ": it is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ReportException("cannot create the report folder " + folder + ": " + reason(e), e);
        }
    }

    private void writeFile(String name, String content) {
        Path target = folder.resolve(name);
        // A name of our own rather than Files.createTempFile, whose owner-only permissions would survive the move.
        Path temp = folder.resolve("." + name + ".tmp-" + UUID.randomUUID());
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ReportException("cannot write " + target + ": " + reason(e), e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The original error is the one worth reporting; a stray temp file is named so it is recognisable.
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return (f.getFile() == null ? "a file" : f.getFile()) + " exists and is not a folder";
        }
        if (e instanceof NotDirectoryException || e instanceof NoSuchFileException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
