package dev.crest.cli.demo;

import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What a Ctrl-C (or any other end of the JVM) does to a running demo: the step in progress is abandoned — its child
 * process killed with the processes it started, its staging folder removed — and no further step starts, so an
 * interrupted demo leaves no {@code .NAME.partial} folder behind and earlier complete output stays. A shutdown hook
 * does this while the demo runs; the demo settles each step (publish or discard) under the same lock, so the two
 * never both touch a staging folder.
 */
final class DemoInterruption implements AutoCloseable {
    /** The exit code of a demo stopped by Ctrl-C, as a shell reports a process ended by SIGINT. */
    static final int EXIT_CODE = 130;

    /**
     * How long the hook waits for the demo to wind down (an in-process tool finishes the command it is running)
     * before it removes the staging folder anyway.
     */
    private static final long WIND_DOWN_SECONDS = 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch demoEnded = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "crest-demo-stop");
    private boolean interrupted;
    private StagedFolder current;
    private Process child;

    private DemoInterruption() {
    }

    /** Watches for the end of the JVM until {@link #close()}. */
    static DemoInterruption install() {
        DemoInterruption interruption = new DemoInterruption();
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** Whether the demo was interrupted: then nothing more should start. */
    boolean happened() {
        lock.lock();
        try {
            return interrupted;
        } finally {
            lock.unlock();
        }
    }

    /** Starts the staging folder of a step, or nothing once the demo was interrupted. */
    Optional<StagedFolder> begin(Path out, String name) {
        lock.lock();
        try {
            if (interrupted) {
                return Optional.empty();
            }
            current = StagedFolder.begin(out, name);
            return Optional.of(current);
        } finally {
            lock.unlock();
        }
    }

    /** Starts the step's child process, killed (with its own children) on interruption; null once interrupted. */
    Process start(ProcessBuilder builder) throws IOException {
        lock.lock();
        try {
            if (interrupted) {
                return null;
            }
            child = builder.start();
            return child;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the step in progress: {@code settle} (publish or discard its staging folder) runs unless the demo was
     * interrupted, when the staging folder is removed instead and the result is empty.
     */
    <T> Optional<T> settle(Supplier<T> settle) {
        lock.lock();
        try {
            StagedFolder folder = current;
            current = null;
            child = null;
            if (interrupted) {
                if (folder != null) {
                    AtomicFiles.deleteTreeQuietly(folder.stage());
                }
                return Optional.empty();
            }
            return Optional.of(settle.get());
        } finally {
            lock.unlock();
        }
    }

    /** The shutdown hook: stop the step in progress, let the demo wind down, remove what it staged. */
    private void stop() {
        Process running;
        lock.lock();
        try {
            interrupted = true;
            running = child;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            // List its children while they are still known as its children, then kill it and them.
            List<ProcessHandle> started = running.descendants().toList();
            running.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            demoEnded.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settle(() -> null);
    }

    /** The demo ended: stop watching (the hook stays when the JVM is already ending). */
    @Override
    public void close() {
        demoEnded.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is ending and the hook is running: it finishes the clean-up.
        }
    }
}
