package dev.crest.fuzz.campaign;

import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Verdict;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The counters of a running campaign, updated from every pipeline; a resumed campaign starts from the counters its
 * earlier runs left.
 */
final class CampaignStats {
    private final long startNanos = System.nanoTime();
    private final Duration earlierElapsed;
    private long generated;
    private long generationFailures;
    private long searchFailures;
    private long tested;
    private long passed;
    private long dropped;
    private long findings;
    private final Map<String, Long> bySymptom = new HashMap<>();
    private final Map<String, Long> byStage = new HashMap<>();
    private final Map<String, Long> byPair = new HashMap<>();
    private long generateNanos;
    private long searchNanos;
    private long executeNanos;

    /** Counters from zero. */
    CampaignStats() {
        this.earlierElapsed = Duration.ZERO;
    }

    /** Counters continuing from {@code earlier}, the state an earlier run of the campaign ended in. */
    CampaignStats(CampaignProgress earlier) {
        this.earlierElapsed = earlier.elapsed();
        generated = earlier.generated();
        generationFailures = earlier.generationFailures();
        searchFailures = earlier.searchFailures();
        tested = earlier.tested();
        passed = earlier.passed();
        dropped = earlier.dropped();
        findings = earlier.findings();
        bySymptom.putAll(earlier.bySymptom());
        byStage.putAll(earlier.byStage());
        byPair.putAll(earlier.byPair());
        generateNanos = earlier.generateTime().toNanos();
        searchNanos = earlier.searchTime().toNanos();
        executeNanos = earlier.executeTime().toNanos();
    }

    synchronized void prepared(PreparedCase prepared) {
        generateNanos += prepared.generateTime().toNanos();
        searchNanos += prepared.searchTime().toNanos();
        if (prepared.testCase().isEmpty()) {
            generationFailures++;
            return;
        }
        generated++;
        if (!prepared.searchSucceeded()) {
            searchFailures++;
        }
    }

    synchronized void tested(Verdict verdict, long executeNanos) {
        this.executeNanos += executeNanos;
        tested++;
        switch (verdict.kind()) {
            case PASS:
                passed++;
                break;
            case DROPPED:
                dropped++;
                break;
            default:
                Finding f = verdict.finding().orElseThrow();
                findings++;
                bySymptom.merge(f.symptom().label(), 1L, Long::sum);
                byStage.merge(f.stage().label(), 1L, Long::sum);
                f.pair().ifPresent(p -> byPair.merge(p.toString(), 1L, Long::sum));
        }
    }

    synchronized CampaignProgress snapshot(int uniqueBugs) {
        return new CampaignProgress(earlierElapsed.plusNanos(System.nanoTime() - startNanos), generated,
                generationFailures, searchFailures, tested, passed, dropped, findings, uniqueBugs, bySymptom, byStage,
                byPair, Duration.ofNanos(generateNanos), Duration.ofNanos(searchNanos), Duration.ofNanos(executeNanos));
    }
}
