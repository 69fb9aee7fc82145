package dev.crest.graph.onnx;

import dev.crest.graph.GraphException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes and reads whole files for the ONNX I/O: a write goes to a temporary file in the target's folder and
 * is then moved over the target, so readers never see a half-written model; errors become one-line
 * {@link GraphException}s. Folders written the same way (assembled under a temporary name, then renamed) remove
 * their temporary or replaced copy with {@link #deleteTree}.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically, creating missing parent folders. */
    public static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            Files.write(temp, bytes);
            PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (posix != null) {
                // createTempFile makes the file owner-only; a model or tensor file is an ordinary shared file.
                posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new GraphException("cannot write " + target + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed and says so; a leftover temporary file is secondary.
                }
            }
        }
    }

    /** Reads a whole file, failing with a message that says whether it is missing or unreadable. */
    public static byte[] read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new GraphException(what + " " + file + " is a folder, not a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GraphException(what + " " + file + " does not exist", e);
        } catch (IOException | OutOfMemoryError e) {
            throw new GraphException("cannot read " + what + " " + file + ": " + describe(e), e);
        }
    }

    /** Removes {@code root} and everything below it; a missing {@code root} is already gone. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new GraphException("cannot remove " + root + ": " + describe(e), e);
        }
    }

    /**
     * {@link #deleteTree} for cleaning up after a write that already succeeded or already failed and says so: a
     * leftover temporary folder is then secondary, so a failure to remove it is not reported.
     */
    public static void deleteTreeQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (GraphException e) {
            // Deliberately silent, see above.
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
