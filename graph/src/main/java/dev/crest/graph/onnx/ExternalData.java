package dev.crest.graph.onnx;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.crest.graph.GraphException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Loads tensor bytes that an ONNX model keeps outside the model file ({@code data_location = EXTERNAL}, with
 * {@code location}, {@code offset} and {@code length} keys). Locations are resolved against the model's folder,
 * and a location that is absolute or leads outside that folder — by {@code ..} or through a symbolic link — is
 * refused, so a model file cannot make Crest read arbitrary files.
 */
public final class ExternalData {
    private final Path modelFolder;

    private ExternalData(Path modelFolder) {
        this.modelFolder = modelFolder;
    }

    /** External data is looked up in {@code modelFolder}. */
    public static ExternalData in(Path modelFolder) {
        return new ExternalData(modelFolder.toAbsolutePath().normalize());
    }

    /** For a model parsed from bytes: any external reference fails with a clear message. */
    public static ExternalData none() {
        return new ExternalData(null);
    }

    /** The bytes the tensor's external-data entries point to. */
    public byte[] load(TensorProto proto) {
        String name = proto.getName();
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto entry : proto.getExternalDataList()) {
            switch (entry.getKey()) {
                case "location":
                    location = entry.getValue();
                    break;
                case "offset":
                    offset = parseNumber(name, "offset", entry.getValue());
                    break;
                case "length":
                    length = parseNumber(name, "length", entry.getValue());
                    break;
                default:
                    break; // checksum and other keys are informative
            }
        }
        if (location == null || location.isEmpty()) {
            throw new GraphException("tensor '" + name + "' is marked external but has no 'location'");
        }
        if (modelFolder == null) {
            throw new GraphException("tensor '" + name + "' keeps its data in external file '" + location
                    + "', which needs the model to be read from a file");
        }
        Path file = resolveInside(name, location);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset > size) {
                throw new GraphException("tensor '" + name + "': offset " + offset + " is past the end of '" + location
                        + "' (" + size + " bytes)");
            }
            long count = length < 0 ? size - offset : length;
            if (offset + count > size) {
                throw new GraphException("tensor '" + name + "': external data '" + location + "' has " + size
                        + " bytes, fewer than offset " + offset + " + length " + count);
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new GraphException("tensor '" + name + "': external data of " + count + " bytes is too large");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) count);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new GraphException("tensor '" + name + "': external data '" + location + "' ended early");
                }
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw new GraphException("tensor '" + name + "': external data file '" + location + "' does not exist in "
                    + modelFolder, e);
        } catch (IOException e) {
            throw new GraphException("tensor '" + name + "': cannot read external data '" + location + "': "
                    + AtomicFiles.describe(e), e);
        }
    }

    private Path resolveInside(String name, String location) {
        Path relative;
        try {
            relative = Path.of(location);
        } catch (RuntimeException e) {
            throw new GraphException("tensor '" + name + "': external data location '" + location + "' is not a valid path", e);
        }
        if (relative.isAbsolute() || location.startsWith("/") || location.startsWith("\\")) {
            throw new GraphException("tensor '" + name + "': refusing absolute external data location '" + location
                    + "'; it must be relative to the model's folder");
        }
        Path resolved = modelFolder.resolve(relative).normalize();
        if (!resolved.startsWith(modelFolder)) {
            throw new GraphException("tensor '" + name + "': refusing external data location '" + location
                    + "', which leads outside the model's folder");
        }
        if (!Files.exists(resolved)) {
            throw new GraphException("tensor '" + name + "': external data file '" + location + "' does not exist in "
                    + modelFolder);
        }
        try {
            // Symbolic links are followed only to check where they really lead.
            Path realFolder = modelFolder.toRealPath();
            Path realFile = resolved.toRealPath();
            if (!realFile.startsWith(realFolder)) {
                throw new GraphException("tensor '" + name + "': refusing external data location '" + location
                        + "', which links outside the model's folder");
            }
            if (!Files.isRegularFile(realFile)) {
                throw new GraphException("tensor '" + name + "': external data location '" + location
                        + "' is not a regular file");
            }
            return realFile;
        } catch (IOException e) {
            throw new GraphException("tensor '" + name + "': cannot resolve external data '" + location + "': "
                    + AtomicFiles.describe(e), e);
        }
    }

    private static long parseNumber(String tensor, String key, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new GraphException("tensor '" + tensor + "': external data " + key + " '" + value
                    + "' is not a non-negative integer", e);
        }
    }
}
