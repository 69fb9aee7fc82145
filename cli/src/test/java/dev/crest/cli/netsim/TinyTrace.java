package dev.crest.cli.netsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trace workload the netsim command tests run: two gradients of 2 and 4 Mbit after 10 ms of forward pass,
 * a handful of 500 kbit packets per message, so every simulation is fast.
 */
final class TinyTrace {
    private TinyTrace() {
    }

    /** Writes the trace as {@code tiny.csv} into {@code folder} and returns its path. */
    static Path writeInto(Path folder) throws IOException {
        Path trace = folder.resolve("tiny.csv");
        Files.writeString(trace, "# forward_seconds=0.01\ntime_s,size_bits,tensor\n0.0,2000000,fc\n0.005,4000000,conv\n",
                StandardCharsets.UTF_8);
        return trace;
    }
}
