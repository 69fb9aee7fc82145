package dev.crest.spark.fuzz;

import dev.crest.fuzz.FuzzException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packs a shard's output folder into {@link PackedFile}s on the executor and unpacks them on the driver; hidden
 * entries (a campaign's temporary leftovers) stay behind.
 */
final class ShardPacking {
    private ShardPacking() {
    }

    /** Every visible regular file under {@code folder}, in path order. */
    static List<PackedFile> pack(Path folder) throws IOException {
        List<PackedFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = folder.relativize(file);
                if (isHidden(relative)) {
                    continue;
                }
                files.add(new PackedFile(relative.toString().replace(file.getFileSystem().getSeparator(), "/"),
                        Files.readAllBytes(file)));
            }
        }
        return files;
    }

    /** Writes {@code files} under {@code folder}, refusing paths that would leave it. */
    static void unpack(List<PackedFile> files, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        for (PackedFile file : files) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new FuzzException("a shard returned the file " + file.path() + ", which lies outside its"
                        + " output folder");
            }
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            } catch (IOException e) {
                throw new FuzzException("cannot unpack a shard's file into " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
