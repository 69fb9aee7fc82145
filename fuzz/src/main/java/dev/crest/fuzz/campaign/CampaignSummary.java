package dev.crest.fuzz.campaign;

import java.util.List;
import java.util.Map;

/**
 * What a campaign leaves in {@code summary.json}: its settings and seed, the Crest and backend versions, why it
 * stopped, the counts (by symptom, stage and diverging pair, duplicates included), the distinct bugs with their
 * counts and folders, the throughput with the time split, and the operator × dtype combinations excluded because a
 * backend does not support them. Field names are the JSON keys.
 *
 * @param format the summary format version, {@value #FORMAT}
 * @param crestVersion the version of Crest that ran the campaign
 * @param settings the settings, as given
 * @param runs the backend runs compared with the reference
 * @param backendVersions each backend's version by name
 * @param startedAt when testing started (ISO-8601, UTC)
 * @param elapsedSeconds wall-clock seconds of the campaign
 * @param stoppedBy {@code max-models}, {@code time} or {@code interrupted}
 * @param counts the model and finding counts
 * @param uniqueBugs the distinct bugs, in the order found
 * @param throughput models tested per second and the time split
 * @param exclusions why operators or operator × dtype combinations were left out
 */
public record CampaignSummary(int format, String crestVersion, SettingsRecord settings, List<RunRecord> runs,
        Map<String, String> backendVersions, String startedAt, double elapsedSeconds, String stoppedBy,
        Counts counts, List<BugRecord> uniqueBugs, Throughput throughput, List<String> exclusions) {
    /** The format written by this version of Crest. */
    public static final int FORMAT = 1;

    /** The file name in the output folder. */
    public static final String FILE = "summary.json";

    public CampaignSummary {
        runs = List.copyOf(runs);
        backendVersions = Map.copyOf(backendVersions);
        uniqueBugs = List.copyOf(uniqueBugs);
        exclusions = List.copyOf(exclusions);
    }

    /** The campaign settings as JSON; durations in seconds, absent bounds as null. */
    public record SettingsRecord(List<String> backends, Double timeBudgetSeconds, Long maxModels, long seed, int nodes,
            int opset, List<String> operators, double rtol, double atol, double caseTimeoutSeconds,
            double searchBudgetSeconds, Integer searchIterations, String out, int threads) {
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
