package dev.crest.fuzz.campaign;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.fuzz.worker.VersionRoutingExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fuzzing campaign: generate a model, search its inputs, test it on the reference and every backend, record
 * what it finds (deduplicated by {@link BugSignature}), until the model count or the time budget is used up or
 * {@link #stop()} is called; then write {@code summary.json}. Models are prepared by a small thread pool (each
 * generation with its own solver context) while the testing thread runs the backends, so the solver and the
 * backends work at the same time. Model {@code i}'s seed is the {@code i}-th draw from the campaign seed and cases
 * are tested in that order, so equal seeds and model counts give equal models whatever the thread count.
 */
public final class Campaign {
    private final CampaignSettings settings;
    private final ExecutorFactory executors;
    private final CaseSourceFactory sources;
    private volatile CampaignListener listener = new CampaignListener() { };
    private volatile boolean stopRequested;

    /**
     * A campaign with explicit parts: where backends run and where cases come from (tests plant backends and
     * models this way).
     */
    public Campaign(CampaignSettings settings, ExecutorFactory executors, CaseSourceFactory sources) {
        this.settings = Objects.requireNonNull(settings);
        this.executors = Objects.requireNonNull(executors);
        this.sources = Objects.requireNonNull(sources);
    }

    /** Backends run in an isolated worker process restarted after a crash, each case limited by the settings' timeout. */
    public static ExecutorFactory isolatedWorker() {
        return s -> VersionRoutingExecutor.isolated(s.caseTimeout());
    }

    /** The settings. */
    public CampaignSettings settings() {
        return settings;
    }

    /** Sets who hears about progress and findings; returns this campaign. */
    public Campaign listener(CampaignListener value) {
        this.listener = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Asks the campaign to stop after the test case in flight; {@link #run()} then writes the summary and returns
     * normally. Safe to call from any thread, e.g. a shutdown hook.
     */
    public void stop() {
        stopRequested = true;
    }

    /** Runs the campaign to its end and returns the summary it wrote to {@code summary.json}. */
    public CampaignSummary run() {
        Path out = settings.out();
        checkWritable(out);
        List<TargetRun> runs = BackendRegistry.standard().expandAll(settings.backends());
        try (BackendExecutor executor = executors.open(settings)) {
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put(ReferenceBackend.NAME, executor.version(ReferenceBackend.NAME));
            for (TargetRun run : runs) {
                versions.put(run.backend(), executor.version(run.backend()));
            }
            List<String> exclusions = new ArrayList<>();
            CaseSource source = sources.open(settings, executor, runs, exclusions);
            exclusions.forEach(listener::note);
            Loop loop = new Loop(source, new DifferentialTester(executor, runs, settings.tolerance()),
                    new FindingStore(out), runs);
            StopReason reason = loop.run();
            CampaignSummary summary = SummaryBuilder.build(settings, runs, versions, loop.startedAt, reason,
                    loop.stats.snapshot(loop.ledger.size()), loop.ledger.bugs(), exclusions);
            SummaryFile.write(out, summary);
            return summary;
        }
    }

    private static void checkWritable(Path out) {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".crest-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new FuzzException("cannot write to the output folder " + out + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** The generate → search → test loop of one run. */
    private final class Loop {
        final CaseSource source;
        final DifferentialTester tester;
        final FindingStore store;
        final List<TargetRun> runs;
        final BugLedger ledger = new BugLedger();
        final Map<String, String> options;
        CampaignStats stats;
        Instant startedAt;

        Loop(CaseSource source, DifferentialTester tester, FindingStore store, List<TargetRun> runs) {
            this.source = source;
            this.tester = tester;
            this.store = store;
            this.runs = runs;
            Map<String, String> o = new LinkedHashMap<>();
            o.put("timeout", settings.caseTimeout().toMillis() + " ms");
            o.put("campaignSeed", Long.toString(settings.seed()));
            o.put("nodes", Integer.toString(settings.nodes()));
            o.put("opset", Integer.toString(settings.opset()));
            this.options = Map.copyOf(o);
        }

        StopReason run() {
            SplittableRandom seeds = new SplittableRandom(settings.seed());
            long maxModels = settings.maxModels().orElse(Long.MAX_VALUE);
            int window = settings.threads() * 2;
            ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
            Deque<Future<PreparedCase>> pending = new ArrayDeque<>();
            long submitted = 0;
            listener.started(settings);
            startedAt = Instant.now();
            stats = new CampaignStats();
            long deadline = settings.timeBudget().map(b -> System.nanoTime() + b.toNanos()).orElse(Long.MAX_VALUE);
            try {
                while (true) {
                    while (pending.size() < window && submitted < maxModels) {
                        long seed = seeds.nextLong();
                        pending.add(pool.submit(() -> prepareSafely(seed)));
                        submitted++;
                    }
                    if (stopRequested) {
                        return StopReason.INTERRUPTED;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        return StopReason.TIME;
                    }
                    if (pending.isEmpty()) {
                        return StopReason.MAX_MODELS;
                    }
                    PreparedCase prepared = await(pending.peek(), deadline);
                    if (prepared == null) {
                        continue;
                    }
                    pending.poll();
                    stats.prepared(prepared);
                    if (prepared.testCase().isPresent() && !test(prepared.testCase().get())) {
                        return StopReason.INTERRUPTED;
                    }
                    listener.progress(stats.snapshot(ledger.size()));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        /** The prepared case, or null when the deadline passed or a stop was requested while waiting. */
        private PreparedCase await(Future<PreparedCase> next, long deadline) {
            try {
                // Wake up now and then so a stop request or the deadline is honoured during a slow generation.
                long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(200), Math.max(0, deadline - System.nanoTime()));
                return next.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException("preparing a case failed unexpectedly", e.getCause());
            }
        }

        private PreparedCase prepareSafely(long seed) {
            long start = System.nanoTime();
            try {
                return source.prepare(seed);
            } catch (RuntimeException e) {
                // One model the generator or a spec cannot handle must not end a long campaign; it is counted.
                return PreparedCase.failed(seed, String.valueOf(e.getMessage()),
                        java.time.Duration.ofNanos(System.nanoTime() - start));
            }
        }

        /** Tests one case and records a finding; false when a stop request cut the case short. */
        private boolean test(TestCase testCase) {
            long start = System.nanoTime();
            TestResult result = tester.test(testCase);
            long elapsed = System.nanoTime() - start;
            if (stopRequested && result.verdict().finding().map(Loop::isProcessLoss).orElse(false)) {
                // Ctrl-C reaches the worker too; a worker killed by it is not a crash of the backend.
                return false;
            }
            stats.tested(result.verdict(), elapsed);
            result.verdict().finding().ifPresent(finding -> {
                BugLedger.Recorded recorded = ledger.record(BugSignature.of(finding), finding, testCase.seed(),
                        () -> store.save(result.testCase(), finding, runs, settings.tolerance(), options));
                listener.found(recorded);
            });
            return true;
        }

        private static boolean isProcessLoss(Finding finding) {
            return finding.symptom() == Symptom.CRASH || finding.symptom() == Symptom.TIMEOUT;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "crest-fuzz-prepare-" + count.incrementAndGet());
            // Preparing threads never hold anything that must be flushed; they must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
