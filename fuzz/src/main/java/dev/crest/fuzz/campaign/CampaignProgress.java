package dev.crest.fuzz.campaign;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of a running (or finished) campaign's counters, for the live progress line and the summary.
 *
 * @param elapsed wall-clock time since the campaign started testing
 * @param generated models the generator produced
 * @param generationFailures seeds for which the generator gave up
 * @param searchFailures models for which the input search found no all-finite values (they are tested anyway)
 * @param tested models run through every backend
 * @param passed tested models on which every backend agreed with the reference
 * @param dropped tested models that proved nothing (the reference failed, or non-finite reference outputs)
 * @param findings tested models that revealed a problem, duplicates included
 * @param uniqueBugs distinct bugs among the findings
 * @param bySymptom findings by symptom label
 * @param byStage findings by stage label
 * @param byPair inconsistencies by diverging pair
 * @param generateTime time spent generating models (solver included), summed over threads
 * @param searchTime time spent searching inputs and computing reference outputs, summed over threads
 * @param executeTime time spent running the backends under test
 */
public record CampaignProgress(Duration elapsed, long generated, long generationFailures, long searchFailures,
        long tested, long passed, long dropped, long findings, int uniqueBugs, Map<String, Long> bySymptom,
        Map<String, Long> byStage, Map<String, Long> byPair, Duration generateTime, Duration searchTime,
        Duration executeTime) {
    public CampaignProgress {
        bySymptom = Collections.unmodifiableMap(new TreeMap<>(bySymptom));
        byStage = Collections.unmodifiableMap(new TreeMap<>(byStage));
        byPair = Collections.unmodifiableMap(new TreeMap<>(byPair));
    }

    /** Models tested per second of wall-clock time. */
    public double modelsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? tested / seconds : 0;
    }

    /** The share of generate, search and execute time in their sum, in that order (zeros before any work). */
    public double[] timeShares() {
        double g = generateTime.toNanos();
        double s = searchTime.toNanos();
        double e = executeTime.toNanos();
        double total = g + s + e;
        return total == 0 ? new double[3] : new double[] {g / total, s / total, e / total};
    }
}
