package dev.crest.fuzz.worker;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.Stage;
import dev.crest.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The campaign's side of the isolated worker: starts a worker JVM ({@link WorkerMain}) on first use, sends it one
 * request at a time and waits at most the timeout. When the worker dies (a native crash, {@code System.exit}) or
 * does not answer in time, the request is reported as a crash or timeout, the process is destroyed, and the next
 * request starts a fresh one, so one segfault never ends a campaign. Loading each backend and a worker's first run
 * get a generous start-up limit, so the timeout measures compiling and running, not JVM warm-up. Not thread-safe:
 * one caller at a time.
 */
public final class WorkerProcess implements BackendExecutor {
    /** How much of the worker's stderr is kept for an error log. */
    static final int STDERR_CAPACITY = 64 * 1024;

    /** How long a fresh worker may take to start and load a backend (JVM start, native libraries). */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final Object END_OF_STREAM = new Object();

    private final WorkerLauncher launcher;
    private final Duration timeout;
    private final WorkerRecycling recycling;
    private final Map<String, String> versions = new HashMap<>();
    private Running running;
    private int starts;
    // Read by the campaign's summary thread.
    private volatile int retirements;

    /**
     * A worker started with {@code launcher} whose every request must be answered within {@code timeout}, retired
     * by the {@linkplain WorkerRecycling#DEFAULT default policy} when it grows.
     */
    public WorkerProcess(WorkerLauncher launcher, Duration timeout) {
        this(launcher, timeout, WorkerRecycling.DEFAULT);
    }

    /** A worker as above, retired when {@code recycling} says so. */
    public WorkerProcess(WorkerLauncher launcher, Duration timeout, WorkerRecycling recycling) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new FuzzException("the worker timeout must be positive, got " + timeout);
        }
        this.launcher = launcher;
        this.timeout = timeout;
        this.recycling = recycling;
    }

    @Override
    public RunOutcome execute(String backend, byte[] modelBytes, Map<String, Tensor> inputs) {
        Running worker = ensureStarted();
        if (!worker.loaded.contains(backend)) {
            // Load the backend (JVM classes, native library) under the generous start-up limit first, so a cold
            // worker never turns the first test case into a false timeout.
            requestVersion(worker, backend);
            worker = ensureStarted();
        }
        worker.stderr.clear();
        String version = versions.getOrDefault(backend, "unknown");
        Stage stage = Stage.COMPILE;
        try {
            WorkerProtocol.writeFrame(worker.toWorker, WorkerProtocol.runRequest(backend, modelBytes, inputs));
        } catch (IOException e) {
            return died(worker, backend, version, stage);
        }
        // A fresh JVM runs its first model cold (class loading, interpreted code, native initialization), so the
        // first request of each worker gets the start-up limit; a worker is replaced only after a crash or timeout,
        // or when it is retired for growing.
        Duration limit = worker.served++ == 0 && STARTUP_TIMEOUT.compareTo(timeout) > 0 ? STARTUP_TIMEOUT : timeout;
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Object item = next(worker, deadline);
            if (item == null) {
                stop(worker);
                return RunOutcome.failed(backend, version, RunOutcome.Status.TIMEOUT, stage,
                        "no answer within " + describe(limit) + " during " + stage.label() + " on " + backend
                                + "; the worker was killed", worker.stderr.text());
            }
            if (item == END_OF_STREAM) {
                return died(worker, backend, version, stage);
            }
            try {
                DataInputStream reply = WorkerProtocol.payload((byte[]) item);
                byte type = reply.readByte();
                if (type == WorkerProtocol.STAGE) {
                    stage = WorkerProtocol.readStage(reply);
                } else if (type == WorkerProtocol.OUTCOME) {
                    RunOutcome outcome = WorkerProtocol.decodeOutcome(reply);
                    versions.put(backend, outcome.version());
                    retireIfGrown(worker);
                    return outcome.succeeded() ? outcome : withStderr(outcome, worker.stderr.text());
                } else if (type == WorkerProtocol.REQUEST_FAILED) {
                    throw new FuzzException(WorkerProtocol.readString(reply));
                } else {
                    throw new IOException("unexpected reply type " + type);
                }
            } catch (IOException e) {
                // A garbled reply means the channel can no longer be trusted: treat it as the worker dying.
                stop(worker);
                return RunOutcome.failed(backend, version, RunOutcome.Status.CRASH, stage,
                        "the worker's reply was corrupted (" + e.getMessage() + ")", worker.stderr.text());
            }
        }
    }

    @Override
    public String version(String backend) {
        String known = versions.get(backend);
        return known != null ? known : requestVersion(ensureStarted(), backend);
    }

    private String requestVersion(Running worker, String backend) {
        try {
            WorkerProtocol.writeFrame(worker.toWorker, WorkerProtocol.versionRequest(backend));
            Object item = next(worker, System.nanoTime() + Math.max(timeout.toNanos(), STARTUP_TIMEOUT.toNanos()));
            if (item == null || item == END_OF_STREAM) {
                stop(worker);
                throw new FuzzException("the backend worker could not load backend '" + backend + "': "
                        + oneLine(worker.stderr.text()));
            }
            DataInputStream reply = WorkerProtocol.payload((byte[]) item);
            byte type = reply.readByte();
            String text = WorkerProtocol.readString(reply);
            if (type != WorkerProtocol.VERSION_REPLY) {
                throw new FuzzException(text);
            }
            versions.put(backend, text);
            worker.loaded.add(backend);
            return text;
        } catch (IOException e) {
            stop(worker);
            throw new FuzzException("the backend worker could not load backend '" + backend + "': "
                    + e.getMessage(), e);
        }
    }

    /** How many worker processes have been started so far (one more after each crash, timeout or retirement). */
    public int starts() {
        return starts;
    }

    /** How many healthy workers were retired because their resident memory grew ({@link WorkerRecycling}). */
    @Override
    public int retiredWorkers() {
        return retirements;
    }

    @Override
    public void close() {
        if (running == null) {
            return;
        }
        Running worker = running;
        running = null;
        end(worker);
    }

    /** Reads the worker's resident memory when due, and ends it after this request once it grew too much. */
    private void retireIfGrown(Running worker) {
        if (!recycling.readingDue(worker.served)) {
            return;
        }
        OptionalLong resident = ProcessMemory.residentKib(worker.process.pid());
        if (resident.isEmpty()) {
            return;
        }
        if (worker.baselineKib < 0) {
            worker.baselineKib = resident.getAsLong();
        } else if (resident.getAsLong() - worker.baselineKib > recycling.growthKib()) {
            running = null;
            retirements++;
            end(worker);
        }
    }

    /** Ends a worker the way it expects: its input closes and it exits; killed if it does not within seconds. */
    private static void end(Running worker) {
        try {
            worker.toWorker.close();
            if (!worker.process.waitFor(2, TimeUnit.SECONDS)) {
                worker.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            worker.process.destroyForcibly();
        } catch (InterruptedException e) {
            worker.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Running ensureStarted() {
        if (running == null) {
            running = start();
            starts++;
        }
        return running;
    }

    private Running start() {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(launcher.command());
            // TensorFlow logs every session's setup at INFO on stderr, which would bury real crash output in the
            // error log of a finding; warnings and errors still come through.
            builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "1");
            // oneDNN (inside libtorch and TensorFlow) caches a compiled primitive per operator shape; fuzzed models
            // rarely repeat a shape, so the cache only grows the worker (measured with the torch backend: about
            // 9 KiB of resident memory per model with the default cache, about 2 KiB without).
            builder.environment().putIfAbsent("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "0");
            process = builder.start();
        } catch (IOException e) {
            throw new FuzzException("cannot start the backend worker (" + launcher.javaExecutable() + "): "
                    + e.getMessage(), e);
        }
        Running worker = new Running(process);
        worker.reader.start();
        worker.drainer.start();
        return worker;
    }

    private Object next(Running worker, long deadline) {
        try {
            long remaining = deadline - System.nanoTime();
            return remaining <= 0 ? worker.frames.poll() : worker.frames.poll(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            stop(worker);
            Thread.currentThread().interrupt();
            throw new FuzzException("interrupted while waiting for the backend worker", e);
        }
    }

    private RunOutcome died(Running worker, String backend, String version, Stage stage) {
        Integer exit = null;
        try {
            if (worker.process.waitFor(5, TimeUnit.SECONDS)) {
                exit = worker.process.exitValue();
            }
            // Let the drainer pick up the worker's last words before the log is read.
            worker.drainer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(worker);
        String how = exit == null ? "closed its channel" : exit > 128
                ? "died with exit code " + exit + " (signal " + (exit - 128) + ")" : "died with exit code " + exit;
        return RunOutcome.failed(backend, version, RunOutcome.Status.CRASH, stage,
                "the worker process " + how + " during " + stage.label() + " on " + backend, worker.stderr.text());
    }

    private void stop(Running worker) {
        worker.process.destroyForcibly();
        try {
            worker.process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running == worker) {
            running = null;
        }
    }

    private static RunOutcome withStderr(RunOutcome outcome, String stderr) {
        if (stderr.isBlank()) {
            return outcome;
        }
        return new RunOutcome(outcome.backend(), outcome.version(), outcome.status(), outcome.stage(),
                outcome.outputs(), outcome.message(), outcome.errorLog() + "\n--- worker stderr ---\n" + stderr);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ").trim();
        return line.isEmpty() ? "it exited without an error message" : line;
    }

    /** One started worker process with its reader threads. */
    private static final class Running {
        final Process process;
        final DataOutputStream toWorker;
        final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
        final BoundedLog stderr = new BoundedLog(STDERR_CAPACITY);
        final Set<String> loaded = new HashSet<>();
        int served;
        /** Resident memory in KiB once the worker was warm, or −1 before that. */
        long baselineKib = -1;
        final Thread reader;
        final Thread drainer;

        Running(Process process) {
            this.process = process;
            this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            DataInputStream fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
            this.reader = new Thread(() -> readFrames(fromWorker), "crest-worker-reader-" + process.pid());
            this.reader.setDaemon(true);
            this.drainer = new Thread(() -> drain(process.getErrorStream()), "crest-worker-stderr-" + process.pid());
            this.drainer.setDaemon(true);
        }

        private void readFrames(DataInputStream in) {
            try {
                for (byte[] frame = WorkerProtocol.readFrame(in); frame != null; frame = WorkerProtocol.readFrame(in)) {
                    frames.add(frame);
                }
            } catch (IOException e) {
                byte[] note = bytes("[channel error: " + e.getMessage() + "]\n");
                stderr.append(note, 0, note.length);
            }
            frames.add(END_OF_STREAM);
        }

        private void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    stderr.append(buffer, 0, n);
                }
            } catch (IOException e) {
                // The process is gone; what was read so far is the log.
            }
        }

        private static byte[] bytes(String text) {
            return String.valueOf(text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
