package dev.crest.fuzz.campaign;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.fuzz.reduce.ReducedCaseWriter;
import dev.crest.fuzz.reduce.Reducer;
import dev.crest.fuzz.reduce.ReductionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One run of a campaign (the whole of it, or what follows a {@code --resume}): its pipelines, the state they share
 * and the summary they leave. A pipeline records a model's outcome (counters, bug ledger, finished models) as one
 * step under a shared lock that the summary writer takes exclusively, so every {@code summary.json} is a consistent
 * picture: a model counted there is finished there, and a resumed campaign neither skips nor recounts any.
 */
final class CampaignRun {
    /** How often {@code summary.json} is rewritten while the campaign runs. */
    static final Duration SUMMARY_PERIOD = Duration.ofSeconds(10);
    /** Models tested before the start-of-campaign memory figure is taken: class loading and JIT have settled. */
    static final long WARM_UP_MODELS = 20;
    /** How often a waiting pipeline checks for a stop request or the deadline. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final CampaignSettings settings;
    private final CampaignHistory history;
    private final List<TargetRun> runs;
    private final Map<String, String> versions;
    private final List<String> exclusions;
    private final CaseSource source;
    private final List<BackendExecutor> executors;
    private final CampaignListener listener;
    private final FindingStore store;
    private final Map<String, String> options;
    private final BugLedger ledger;
    private final CampaignStats stats;
    private final SeedSequence seeds;
    private final ReadWriteLock recording = new ReentrantReadWriteLock();
    private final AtomicLong testedThisRun = new AtomicLong();
    private final AtomicReference<ResidentMemory.Sample> warmMemory = new AtomicReference<>();
    private final AtomicBoolean summaryFailureNoted = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile boolean aborted;
    private long deadline;

    CampaignRun(CampaignSettings settings, CampaignHistory history, List<TargetRun> runs, Map<String, String> versions,
            List<String> exclusions, CaseSource source, List<BackendExecutor> executors, CampaignListener listener) {
        this.settings = settings;
        this.history = history;
        this.runs = runs;
        this.versions = versions;
        this.exclusions = exclusions;
        this.source = source;
        this.executors = executors;
        this.listener = listener;
        this.store = new FindingStore(settings.out());
        this.ledger = new BugLedger(history.bugs());
        this.stats = new CampaignStats(history.counters());
        this.seeds = new SeedSequence(settings.seed(), settings.maxModels().orElse(Long.MAX_VALUE), history.finished());
        Map<String, String> o = new LinkedHashMap<>();
        o.put("timeout", settings.caseTimeout().toMillis() + " ms");
        o.put("campaignSeed", Long.toString(settings.seed()));
        o.put("nodes", Integer.toString(settings.nodes()));
        o.put("opset", Integer.toString(settings.opset()));
        this.options = Map.copyOf(o);
    }

    /** Asks every pipeline to stop after its case in flight. */
    void stop() {
        stopRequested = true;
    }

    /** Runs the pipelines to the end and writes the final summary. */
    CampaignSummary execute() {
        listener.started(settings);
        deadline = settings.timeBudget().map(b -> System.nanoTime() + b.toNanos()).orElse(Long.MAX_VALUE);
        writeSummary(CampaignSummary.RUNNING, ResidentMemory.sample());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("summary"));
        ExecutorService pipelines = Executors.newFixedThreadPool(executors.size(), daemonThreads("job"));
        List<StopReason> reasons = new ArrayList<>();
        RuntimeException failure = null;
        try {
            ticker.scheduleAtFixedRate(this::writePeriodicSummary, SUMMARY_PERIOD.toMillis(),
                    SUMMARY_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            List<Future<StopReason>> running = new ArrayList<>();
            for (BackendExecutor executor : executors) {
                running.add(pipelines.submit(() -> new Pipeline(executor).run()));
            }
            for (Future<StopReason> pipeline : running) {
                try {
                    reasons.add(pipeline.get());
                } catch (ExecutionException e) {
                    // One pipeline's unexpected failure ends the campaign: the others stop after their case.
                    aborted = true;
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException("a campaign pipeline failed", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
        } finally {
            ticker.shutdownNow();
            pipelines.shutdownNow();
        }
        if (failure != null) {
            throw failure;
        }
        StopReason reason = stopRequested || reasons.contains(StopReason.INTERRUPTED) ? StopReason.INTERRUPTED
                : reasons.contains(StopReason.TIME) ? StopReason.TIME : StopReason.MAX_MODELS;
        return writeSummary(reason.label(), ResidentMemory.sample());
    }

    private void writePeriodicSummary() {
        try {
            writeSummary(CampaignSummary.RUNNING, ResidentMemory.sample());
        } catch (FuzzException e) {
            // The final write reports a lasting problem; a passing one (a full disk) is worth one note.
            if (summaryFailureNoted.compareAndSet(false, true)) {
                listener.note(e.getMessage());
            }
        }
    }

    /** Writes {@code summary.json} from a consistent snapshot of the shared state and returns it. */
    private synchronized CampaignSummary writeSummary(String stoppedBy, Optional<ResidentMemory.Sample> latest) {
        CampaignProgress progress;
        List<UniqueBug> bugs;
        SeedSequence.Finished finished;
        recording.writeLock().lock();
        try {
            progress = stats.snapshot(ledger.size());
            bugs = ledger.bugs();
            finished = seeds.finished();
        } finally {
            recording.writeLock().unlock();
        }
        CampaignSummary summary = SummaryBuilder.build(settings, runs, versions, history.startedAt(), stoppedBy,
                progress, bugs, exclusions, new CampaignSummary.ProgressRecord(finished.prefix(), finished.after(),
                        history.runs() + 1), memoryRecord(latest));
        SummaryFile.write(settings.out(), summary);
        return summary;
    }

    private CampaignSummary.MemoryRecord memoryRecord(Optional<ResidentMemory.Sample> latest) {
        ResidentMemory.Sample warm = warmMemory.get();
        if (warm == null && latest.isEmpty()) {
            return null;
        }
        return new CampaignSummary.MemoryRecord(WARM_UP_MODELS, warm == null ? null : warm.jvmKib(),
                warm == null ? null : warm.jvmHeapCommittedKib(), warm == null ? null : warm.workersKib(),
                latest.map(ResidentMemory.Sample::jvmKib).orElse(null),
                latest.map(ResidentMemory.Sample::jvmHeapCommittedKib).orElse(null),
                latest.map(ResidentMemory.Sample::workersKib).orElse(null),
                latest.map(ResidentMemory.Sample::workers).orElse(null),
                executors.stream().mapToInt(BackendExecutor::retiredWorkers).sum());
    }

    private boolean stopping() {
        return stopRequested || aborted;
    }

    /** A prepared case and its position in the campaign's seed sequence. */
    private record ClaimedCase(long index, PreparedCase prepared) {
    }

    /** One generate → search → test pipeline with its own executor and a thread preparing its next model. */
    private final class Pipeline {
        private final DifferentialTester tester;
        private final Optional<Reducer> reducer;

        Pipeline(BackendExecutor executor) {
            this.tester = new DifferentialTester(executor, runs, settings.tolerance());
            this.reducer = settings.reducesFindings()
                    ? Optional.of(new Reducer(executor, runs, settings.tolerance()))
                    : Optional.empty();
        }

        StopReason run() {
            ExecutorService preparer = Executors.newSingleThreadExecutor(daemonThreads("prepare"));
            try {
                Future<ClaimedCase> ahead = prepareNext(preparer);
                while (true) {
                    if (stopping()) {
                        return StopReason.INTERRUPTED;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        return StopReason.TIME;
                    }
                    if (ahead == null) {
                        return StopReason.MAX_MODELS;
                    }
                    ClaimedCase prepared = await(ahead);
                    if (prepared == null) {
                        continue;
                    }
                    ahead = prepareNext(preparer);
                    if (!test(prepared)) {
                        return StopReason.INTERRUPTED;
                    }
                    listener.progress(stats.snapshot(ledger.size()));
                }
            } finally {
                preparer.shutdownNow();
            }
        }

        /** Claims the next model and starts preparing it, or null when the model count is reached. */
        private Future<ClaimedCase> prepareNext(ExecutorService preparer) {
            Optional<SeedSequence.Claim> claim = seeds.claim();
            return claim.map(c -> preparer.submit(() -> prepareSafely(c))).orElse(null);
        }

        /** The prepared case, or null when the wait was cut short to look at the deadline and stop requests. */
        private ClaimedCase await(Future<ClaimedCase> next) {
            try {
                long wait = Math.min(POLL_NANOS, Math.max(0, deadline - System.nanoTime()));
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

        private ClaimedCase prepareSafely(SeedSequence.Claim claim) {
            long start = System.nanoTime();
            PreparedCase prepared;
            try {
                prepared = source.prepare(claim.seed());
            } catch (RuntimeException e) {
                // One model the generator or a spec cannot handle must not end a long campaign; it is counted.
                prepared = PreparedCase.failed(claim.seed(), String.valueOf(e.getMessage()),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            return new ClaimedCase(claim.index(), prepared);
        }

        /** Tests one case and records its outcome; false when a stop request cut the case short. */
        private boolean test(ClaimedCase claimed) {
            PreparedCase prepared = claimed.prepared();
            Optional<TestCase> testCase = prepared.testCase();
            TestResult result = null;
            long elapsed = 0;
            if (testCase.isPresent()) {
                long start = System.nanoTime();
                result = tester.test(testCase.get());
                elapsed = System.nanoTime() - start;
                if (stopping() && result.verdict().finding().map(Pipeline::isProcessLoss).orElse(false)) {
                    // Ctrl-C reaches the worker too; a worker killed by it is not a crash of the backend. The model
                    // stays unfinished, so a resumed campaign tests it again.
                    return false;
                }
            }
            BugLedger.Recorded recorded = record(claimed.index(), prepared, result, elapsed);
            if (recorded != null) {
                if (recorded.isNew()) {
                    // A new bug's folder exists now; the summary listing it should too, in case the campaign is killed.
                    writeSummary(CampaignSummary.RUNNING, ResidentMemory.sample());
                    reduce(recorded.bug(), result);
                }
                listener.found(recorded);
            }
            if (result != null && testedThisRun.incrementAndGet() == WARM_UP_MODELS) {
                ResidentMemory.sample().ifPresent(warmMemory::set);
            }
            return true;
        }

        /**
         * Shrinks a new bug's case beside its folder while the case is at hand; a repeat of a known bug is not
         * reduced again. A reduction that fails is noted, never fatal: the original finding is already saved.
         */
        private void reduce(UniqueBug bug, TestResult result) {
            if (reducer.isEmpty()) {
                return;
            }
            try {
                ReductionResult reduction = reducer.get().reduce(result.testCase(), bug.first(),
                        settings.reduceBudget());
                if (reduction.reproduced()) {
                    ReducedCaseWriter.write(bug.folder(), reduction);
                    listener.note(bug.folder().getFileName() + ": " + reduction.summary());
                } else {
                    listener.note(bug.folder().getFileName() + ": not reduced (the finding did not reproduce)");
                }
            } catch (RuntimeException e) {
                listener.note(bug.folder().getFileName() + ": reduction failed: " + e.getMessage());
            }
        }

        /** Counts the case, records its finding (saving a new bug) and marks the model finished, as one step. */
        private BugLedger.Recorded record(long index, PreparedCase prepared, TestResult result, long elapsed) {
            recording.readLock().lock();
            try {
                stats.prepared(prepared);
                BugLedger.Recorded recorded = null;
                if (result != null) {
                    stats.tested(result.verdict(), elapsed);
                    Optional<Finding> finding = result.verdict().finding();
                    if (finding.isPresent()) {
                        recorded = ledger.record(BugSignature.of(finding.get()), finding.get(),
                                result.testCase().seed(), () -> store.save(result.testCase(), finding.get(), runs,
                                        settings.tolerance(), options));
                    }
                }
                seeds.finish(index);
                return recorded;
            } finally {
                recording.readLock().unlock();
            }
        }

        private static boolean isProcessLoss(Finding finding) {
            return finding.symptom() == Symptom.CRASH || finding.symptom() == Symptom.TIMEOUT;
        }
    }

    private static ThreadFactory daemonThreads(String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "crest-fuzz-" + role + "-" + count.incrementAndGet());
            // Nothing these threads hold must be flushed at exit (the summary is written by the caller of execute),
            // so they must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
