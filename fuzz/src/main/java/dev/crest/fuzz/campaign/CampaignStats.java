package dev.crest.fuzz.campaign;

import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Verdict;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The counters of a running campaign, updated from the preparing threads and the testing loop. */
final class CampaignStats {
    private final long startNanos = System.nanoTime();
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
        return new CampaignProgress(Duration.ofNanos(System.nanoTime() - startNanos), generated, generationFailures,
                searchFailures, tested, passed, dropped, findings, uniqueBugs, bySymptom, byStage, byPair,
                Duration.ofNanos(generateNanos), Duration.ofNanos(searchNanos), Duration.ofNanos(executeNanos));
    }
}
