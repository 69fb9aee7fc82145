package dev.crest.fuzz.campaign;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.worker.VersionRoutingExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fuzzing campaign: generate a model, search its inputs, test it on the reference and every backend, record
 * what it finds (deduplicated by {@link BugSignature}), until the model count or the time budget is used up or
 * {@link #stop()} is called. {@code jobs} pipelines run at once, each with its own executor (its own worker
 * process) and a thread preparing its next model while the current one is tested; they share one seed sequence,
 * one bug ledger and one findings folder. Model {@code i}'s seed is the {@code i}-th draw from the campaign seed and
 * every model goes to exactly one pipeline, so equal seeds and model counts test the same models whatever the number
 * of jobs (in another order). {@code summary.json} is written at the start, every few seconds, after each new bug
 * and at the end, so a killed campaign leaves a summary from which {@code --resume} continues.
 */
public final class Campaign {
    private final CampaignSettings settings;
    private final ExecutorFactory executors;
    private final CaseSourceFactory sources;
    private volatile CampaignListener listener = new CampaignListener() { };
    private volatile CampaignRun current;
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

    /**
     * The seed of the campaign in {@code out}, when it holds a {@code summary.json} to resume from (for a resume that
     * names no seed); empty when there is none.
     */
    public static Optional<Long> resumableSeed(Path out) {
        return Files.isRegularFile(out.resolve(CampaignSummary.FILE))
                ? Optional.of(SummaryFile.read(out).settings().seed()) : Optional.empty();
    }

    /** The settings. */
    public CampaignSettings settings() {
        return settings;
    }

    /**
     * Sets who hears about progress and findings; returns this campaign. The campaign calls it from its pipelines'
     * threads, one call at a time.
     */
    public Campaign listener(CampaignListener value) {
        this.listener = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Asks the campaign to stop after the test cases in flight; {@link #run()} then writes the summary and returns
     * normally. Safe to call from any thread, e.g. a shutdown hook.
     */
    public void stop() {
        stopRequested = true;
        CampaignRun run = current;
        if (run != null) {
            run.stop();
        }
    }

    /** Runs the campaign to its end and returns the summary it wrote to {@code summary.json}. */
    public CampaignSummary run() {
        Path out = settings.out();
        checkWritable(out);
        CampaignHistory history = CampaignHistory.read(settings);
        List<TargetRun> runs = BackendRegistry.standard().expandAll(settings.allBackends());
        List<BackendExecutor> opened = new ArrayList<>();
        try {
            for (int job = 0; job < settings.jobs(); job++) {
                opened.add(executors.open(settings));
            }
            BackendExecutor first = opened.get(0);
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put(ReferenceBackend.NAME, first.version(ReferenceBackend.NAME));
            for (TargetRun run : runs) {
                versions.put(run.backend(), first.version(run.backend()));
            }
            List<String> exclusions = new ArrayList<>();
            CaseSource source = sources.open(settings, first, runs, exclusions);
            CampaignListener serialized = new SerializedListener(listener);
            exclusions.forEach(serialized::note);
            CampaignRun run = new CampaignRun(settings, history, runs, versions, exclusions, source, opened,
                    serialized);
            current = run;
            if (stopRequested) {
                run.stop();
            }
            return run.execute();
        } finally {
            current = null;
            opened.forEach(BackendExecutor::close);
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

    /** Passes calls on one at a time, so a listener need not be thread-safe although several pipelines call it. */
    private static final class SerializedListener implements CampaignListener {
        private final CampaignListener delegate;

        SerializedListener(CampaignListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void note(String message) {
            delegate.note(message);
        }

        @Override
        public synchronized void started(CampaignSettings settings) {
            delegate.started(settings);
        }

        @Override
        public synchronized void progress(CampaignProgress progress) {
            delegate.progress(progress);
        }

        @Override
        public synchronized void found(BugLedger.Recorded recorded) {
            delegate.found(recorded);
        }
    }
}
