package dev.crest.fuzz.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.crest.fuzz.diff.Tolerance;
import java.util.List;
import java.util.Map;

/**
 * What a campaign leaves in {@code summary.json}: its settings and seed, the Crest and backend versions, why it
 * stopped, the counts (by symptom, stage and diverging pair, duplicates included), the distinct bugs with their
 * counts and folders, the throughput with the time split, the operator × dtype combinations excluded because a
 * backend does not support them, which models are finished (so that {@code --resume} continues after them) and the
 * resident memory at start and end. Rewritten while the campaign runs, so a killed campaign leaves a useful one.
 * Field names are the JSON keys.
 *
 * @param format the summary format version, {@value #FORMAT}
 * @param crestVersion the version of Crest that ran the campaign
 * @param settings the settings, as given
 * @param runs the backend runs compared with the reference
 * @param backendVersions each backend's version by name
 * @param startedAt when testing started (ISO-8601, UTC)
 * @param elapsedSeconds wall-clock seconds of the campaign, its earlier runs included
 * @param stoppedBy {@code max-models}, {@code time} or {@code interrupted}; {@code running} while it runs
 * @param counts the model and finding counts
 * @param uniqueBugs the distinct bugs, in the order found
 * @param throughput models tested per second and the time split
 * @param exclusions why operators or operator × dtype combinations were left out
 * @param progress which models are finished and how many runs the campaign took (null in summaries written before
 *     resuming existed)
 * @param memory resident memory after warm-up and at the end of the latest run (null when not measured)
 */
public record CampaignSummary(int format, String crestVersion, SettingsRecord settings, List<RunRecord> runs,
        Map<String, String> backendVersions, String startedAt, double elapsedSeconds, String stoppedBy,
        Counts counts, List<BugRecord> uniqueBugs, Throughput throughput, List<String> exclusions,
        ProgressRecord progress, MemoryRecord memory) {
    /** The format written by this version of Crest. */
    public static final int FORMAT = 1;

    /** The file name in the output folder. */
    public static final String FILE = "summary.json";

    /** What {@code stoppedBy} says while the campaign is still running. */
    public static final String RUNNING = "running";

    @JsonCreator
    public CampaignSummary {
        runs = List.copyOf(runs);
        backendVersions = Map.copyOf(backendVersions);
        uniqueBugs = List.copyOf(uniqueBugs);
        exclusions = List.copyOf(exclusions);
    }

    /** A summary without progress or memory records (as written before they existed, or assembled by hand). */
    public CampaignSummary(int format, String crestVersion, SettingsRecord settings, List<RunRecord> runs,
            Map<String, String> backendVersions, String startedAt, double elapsedSeconds, String stoppedBy,
            Counts counts, List<BugRecord> uniqueBugs, Throughput throughput, List<String> exclusions) {
        this(format, crestVersion, settings, runs, backendVersions, startedAt, elapsedSeconds, stoppedBy, counts,
                uniqueBugs, throughput, exclusions, null, null);
    }

    /**
     * The campaign settings as JSON; durations in seconds, absent bounds as null; {@code jobs} pipelines ran at once
     * and {@code compare} names the backends compared besides {@code backends}; {@code float16Rtol} and
     * {@code float16Atol} are the tolerance for float16-computed values and {@code keepFloat16Overflow} whether
     * float16 accumulation overflows were kept as findings (all three null in summaries written before they were
     * recorded).
     */
    public record SettingsRecord(List<String> backends, Double timeBudgetSeconds, Long maxModels, long seed, int nodes,
            int opset, List<String> operators, double rtol, double atol, double caseTimeoutSeconds,
            double searchBudgetSeconds, Integer searchIterations, String out, int jobs, List<String> compare,
            Double float16Rtol, Double float16Atol, Boolean keepFloat16Overflow) {
        @JsonCreator
        public SettingsRecord {
            compare = compare == null ? List.of() : List.copyOf(compare);
        }

        /** Settings that do not record the float16 tolerance and overflow rule. */
        public SettingsRecord(List<String> backends, Double timeBudgetSeconds, Long maxModels, long seed, int nodes,
                int opset, List<String> operators, double rtol, double atol, double caseTimeoutSeconds,
                double searchBudgetSeconds, Integer searchIterations, String out, int jobs, List<String> compare) {
            this(backends, timeBudgetSeconds, maxModels, seed, nodes, opset, operators, rtol, atol, caseTimeoutSeconds,
                    searchBudgetSeconds, searchIterations, out, jobs, compare, null, null, null);
        }

        /** The record of {@code settings} as run by {@code jobs} pipelines. */
        public static SettingsRecord of(CampaignSettings settings, int jobs) {
            Tolerance tolerance = settings.tolerance();
            return new SettingsRecord(settings.backends(), settings.timeBudget().map(d -> d.toNanos() / 1e9).orElse(null),
                    settings.maxModels().isPresent() ? settings.maxModels().getAsLong() : null, settings.seed(),
                    settings.nodes(), settings.opset(), settings.operators(), tolerance.rtol(), tolerance.atol(),
                    settings.caseTimeout().toNanos() / 1e9, settings.searchBudget().toNanos() / 1e9,
                    settings.searchIterations().isPresent() ? settings.searchIterations().getAsInt() : null,
                    settings.out().toString(), jobs, settings.compare(), tolerance.float16Rtol(),
                    tolerance.float16Atol(), tolerance.keepFloat16Overflow());
        }

        /** The same settings with {@code folder} as the output folder. */
        public SettingsRecord withOut(String folder) {
            return new SettingsRecord(backends, timeBudgetSeconds, maxModels, seed, nodes, opset, operators, rtol, atol,
                    caseTimeoutSeconds, searchBudgetSeconds, searchIterations, folder, jobs, compare, float16Rtol,
                    float16Atol, keepFloat16Overflow);
        }

        /** Settings without compared backends. */
        public SettingsRecord(List<String> backends, Double timeBudgetSeconds, Long maxModels, long seed, int nodes,
                int opset, List<String> operators, double rtol, double atol, double caseTimeoutSeconds,
                double searchBudgetSeconds, Integer searchIterations, String out, int jobs) {
            this(backends, timeBudgetSeconds, maxModels, seed, nodes, opset, operators, rtol, atol, caseTimeoutSeconds,
                    searchBudgetSeconds, searchIterations, out, jobs, List.of());
        }
    }

    /**
     * Which of the campaign's models are finished (tested, or failed to generate): the first
     * {@code modelsFinished} of its seed sequence and those in {@code finishedOutOfOrder}; {@code runs} counts the
     * runs that made up the campaign (1, plus one per {@code --resume}).
     */
    public record ProgressRecord(long modelsFinished, List<Long> finishedOutOfOrder, int runs) {
        @JsonCreator
        public ProgressRecord {
            finishedOutOfOrder = finishedOutOfOrder == null ? List.of() : List.copyOf(finishedOutOfOrder);
        }
    }

    /**
     * Resident memory (KiB) of the campaign's JVM (with its committed heap, which the garbage collector grows up to
     * its maximum; the difference is native memory, metaspace and code) and of its worker processes (summed), after
     * warm-up ({@code afterModels} models into the run) and at the end; while the campaign runs, the end figures
     * are the latest sample. Start figures are null until warm-up is over. {@code workersRetired} counts healthy
     * workers replaced because their resident memory grew (null in summaries written before workers were retired).
     */
    public record MemoryRecord(long afterModels, Long jvmStartKib, Long jvmHeapStartKib, Long workersStartKib,
            Long jvmEndKib, Long jvmHeapEndKib, Long workersEndKib, Integer workersAtEnd, Integer workersRetired) {
    }

    /** A backend run; {@code baseline} is null for an unpaired run. */
    public record RunRecord(String backend, String baseline) {
    }

    /** Model and finding counts; findings are counted with duplicates. */
    public record Counts(long generated, long generationFailures, long searchFailures, long tested, long passed,
            long dropped, long findings, int uniqueBugs, Map<String, Long> bySymptom, Map<String, Long> byStage,
            Map<String, Long> byPair) {
    }

    /**
     * One distinct bug: its identifier and signature, the first finding's facts and folder (relative to the output
     * folder), and how many findings shared the signature.
     */
    public record BugRecord(String id, String symptom, String stage, String backend, String backendVersion,
            String pair, String signature, String localizedOperator, long count, String folder, long seed,
            String message, double maxAbsError, double maxRelError, String replay) {
    }

    /** Models tested per second and where the time went (seconds, summed over the preparing threads). */
    public record Throughput(double modelsPerSecond, double generateSeconds, double searchSeconds,
            double executeSeconds) {
    }
}
