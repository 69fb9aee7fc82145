package dev.crest.fuzz.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's resident memory (Linux's {@code VmRSS} in {@code /proc/<pid>/status}), the figure a long
 * campaign must keep bounded: Java heap figures miss the native memory of the backends' libraries. Elsewhere than
 * on Linux the figure is absent.
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The {@code VmRSS} of process {@code pid} in KiB, or empty when it is gone or {@code /proc} is missing. */
    public static OptionalLong residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:     123456 kB"
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
            // A zombie has no VmRSS line: it holds no memory.
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
