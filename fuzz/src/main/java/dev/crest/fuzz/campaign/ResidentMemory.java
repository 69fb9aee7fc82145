package dev.crest.fuzz.campaign;

import dev.crest.fuzz.worker.ProcessMemory;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Measures resident memory (Linux's {@code VmRSS} in {@code /proc/<pid>/status}) of this JVM and of the processes
 * it started (the backend workers), which is what a long campaign must keep flat: Java heap figures miss the native
 * memory of Z3 contexts and ONNX Runtime sessions. Elsewhere than on Linux the figures are absent.
 */
final class ResidentMemory {
    private ResidentMemory() {
    }

    /**
     * Resident memory of this JVM and of its child processes, in KiB, with the JVM's committed heap (the part of
     * its resident memory the garbage collector sizes; the rest is native memory, metaspace and code).
     */
    record Sample(long jvmKib, long jvmHeapCommittedKib, long workersKib, int workers) {
    }

    /** This JVM's and its live child processes' resident memory, or empty where {@code /proc} is not available. */
    static Optional<Sample> sample() {
        OptionalLong self = ProcessMemory.residentKib(ProcessHandle.current().pid());
        if (self.isEmpty()) {
            return Optional.empty();
        }
        long workers = 0;
        int count = 0;
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        for (ProcessHandle child : children) {
            OptionalLong rss = ProcessMemory.residentKib(child.pid());
            if (rss.isPresent()) {
                workers += rss.getAsLong();
                count++;
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
        return Optional.of(new Sample(self.getAsLong(), heap, workers, count));
    }
}
