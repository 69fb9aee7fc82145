package dev.crest.cli.fuzz;

import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.finding.FindingMeta;
import dev.crest.fuzz.finding.StoredFinding;
import dev.crest.fuzz.reduce.ReducedCaseWriter;
import dev.crest.fuzz.reduce.Reducer;
import dev.crest.fuzz.reduce.ReductionListener;
import dev.crest.fuzz.reduce.ReductionProgress;
import dev.crest.fuzz.reduce.ReductionResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crest fuzz reduce <dir>}: shrinks a saved finding to a small model that shows the same bug, running the
 * finding's backends in an isolated worker, and writes it to {@code <dir>/reduced/}.
 */
@Command(
        name = "reduce",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reduce a saved finding (a bug-<symptom>-<stage>-<n> folder) to fewer nodes and smaller tensors"
                + " that still show the same bug on the same backends, and write it to <dir>/reduced/.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the reduced case was written", "2:the folder is missing or corrupted, or a bad option",
                FuzzReduceCommand.NOT_REPRODUCED + ":the finding no longer reproduces, so nothing was reduced"})
public final class FuzzReduceCommand implements Callable<Integer> {
    /** The exit code when the finding no longer reproduces. */
    public static final int NOT_REPRODUCED = FindingRerun.NOT_REPRODUCED;

    /** The per-run timeout when the finding does not record its campaign's. */
    private static final String DEFAULT_TIMEOUT = "10s";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the finding folder")
    private Path folder;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "60s",
            description = "time the reduction may take; it stops with the smallest case so far (default: ${DEFAULT-VALUE})")
    private String budgetText;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "time one backend may take to compile and run one candidate (default: the campaign's, "
                    + "as recorded in meta.json, else " + DEFAULT_TIMEOUT + ")")
    private String timeoutText;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "print no progress line")
    private boolean quiet;

    @Override
    public Integer call() {
        Duration budget = positive(DurationText.parse(budgetText, "--budget"), "--budget");
        FindingRerun rerun = FindingRerun.open(folder, meta -> positive(DurationText.parse(timeoutText != null
                ? timeoutText : recordedTimeout(meta), "--timeout"), "--timeout"), Optional.empty());
        ReductionResult result;
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
        try (rerun) {
            result = new Reducer(rerun.executor(), rerun.meta().targetRuns(), rerun.meta().tolerance())
                    .reduce(rerun.stored().testCase(), findingOf(rerun.stored()), budget,
                            quiet ? ReductionListener.NONE : progress);
        } finally {
            progress.finish();
        }
        Path written = result.reproduced() ? ReducedCaseWriter.write(folder, result) : null;
        print(rerun, result, written);
        return FindingRerun.exitCode(result.reproduced());
    }

    private void print(FindingRerun rerun, ReductionResult result, Path written) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = rerun.jsonDocument(result.reproduced());
            doc.putAll(ReducedCaseWriter.reductionRecord(result));
            doc.put("written", written == null ? null : written.toString());
            JsonOutput.print(out, doc);
        } else {
            out.println(written == null ? result.summary() : result.summary() + "; wrote " + written + "/");
            out.flush();
        }
    }

    /** The finding as its folder records it. */
    private static Finding findingOf(StoredFinding stored) {
        FindingMeta meta = stored.meta();
        return new Finding(meta.symptomValue(), meta.stageValue(), meta.backend(),
                meta.backendVersion() == null ? "" : meta.backendVersion(), meta.pairValue(), meta.maxAbsError(),
                meta.maxRelError(), meta.message() == null ? "" : meta.message(), stored.errorLog());
    }

    /** The campaign's per-run timeout ({@code "10000 ms"} in the options of meta.json), when recorded. */
    private static String recordedTimeout(FindingMeta meta) {
        String recorded = meta.options() == null ? null : meta.options().get("timeout");
        return recorded == null ? DEFAULT_TIMEOUT : recorded;
    }

    /** The live status line on standard error, redrawn in place as {@code crest fuzz run}'s is. */
    private static final class ProgressLine implements ReductionListener {
        /** Redraw at most this often: a terminal cannot show faster. */
        private static final long REDRAW_NANOS = 250_000_000L;

        private final PrintWriter err;
        private long lastDraw = System.nanoTime() - REDRAW_NANOS;
        private int drawnLength;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void attempted(ReductionProgress progress) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            String line = String.format(Locale.ROOT, "reduce %.1f s | %d attempts | %d node%s, %d elements | %s",
                    progress.elapsed().toMillis() / 1000.0, progress.attempts(), progress.nodes(),
                    progress.nodes() == 1 ? "" : "s", progress.elements(), progress.phase().label());
            err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
            err.flush();
            drawnLength = line.length();
        }

        /** Clears the line, so the result is printed on a clean line. */
        void finish() {
            if (drawnLength > 0) {
                err.print("\r" + " ".repeat(drawnLength) + "\r");
                err.flush();
                drawnLength = 0;
            }
        }
    }

    private static Duration positive(Duration duration, String option) {
        if (duration.isNegative() || duration.isZero()) {
            throw new FuzzException(option + " must be positive, got " + duration.toMillis() + " ms");
        }
        return duration;
    }
}
