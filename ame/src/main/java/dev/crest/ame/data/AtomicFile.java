package dev.crest.ame.data;

import dev.crest.ame.AmeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling that is moved into place, so a reader never sees half a file; an I/O
 * failure becomes an {@link AmeException} naming the file.
 */
public final class AtomicFile {
    /** The bytes of a file, written to the stream the caller is given (closing it is allowed). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code file}, replacing any file already there. */
    public static void write(Path file, Content content) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /**
     * Writes {@code text} as UTF-8 to {@code file}, replacing any file already there; like
     * {@link Files#writeString}, text that is not valid UTF-16 is an error (raised before anything is written)
     * rather than silently replaced.
     */
    public static void writeString(Path file, String text) {
        ByteBuffer bytes;
        try {
            bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw cannotWrite(file, e);
        }
        write(file, out -> out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining()));
    }

    private static AmeException cannotWrite(Path file, IOException e) {
        return new AmeException("cannot write " + file + ": " + e.getMessage(), e);
    }
}
