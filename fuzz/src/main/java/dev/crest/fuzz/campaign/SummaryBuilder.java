package dev.crest.fuzz.campaign;

import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.finding.FindingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Assembles a {@link CampaignSummary} from a campaign's settings, counters, bugs, progress and memory figures. */
final class SummaryBuilder {
    private SummaryBuilder() {
    }

    /** The summary; {@code stoppedBy} is a {@link StopReason#label()} or {@link CampaignSummary#RUNNING}. */
    static CampaignSummary build(CampaignSettings settings, List<TargetRun> runs, Map<String, String> versions,
            Instant startedAt, String stoppedBy, CampaignProgress progress, List<UniqueBug> bugs,
            List<String> exclusions, CampaignSummary.ProgressRecord finished, CampaignSummary.MemoryRecord memory) {
        CampaignSummary.SettingsRecord settingsRecord = new CampaignSummary.SettingsRecord(settings.backends(),
                settings.timeBudget().map(d -> d.toNanos() / 1e9).orElse(null),
                settings.maxModels().isPresent() ? settings.maxModels().getAsLong() : null, settings.seed(),
                settings.nodes(), settings.opset(), settings.operators(), settings.tolerance().rtol(),
                settings.tolerance().atol(), settings.caseTimeout().toNanos() / 1e9,
                settings.searchBudget().toNanos() / 1e9,
                settings.searchIterations().isPresent() ? settings.searchIterations().getAsInt() : null,
                settings.out().toString(), settings.jobs(), settings.compare(), settings.tolerance().float16Rtol(),
                settings.tolerance().float16Atol(), settings.tolerance().keepFloat16Overflow());
        List<CampaignSummary.RunRecord> runRecords = runs.stream()
                .map(r -> new CampaignSummary.RunRecord(r.backend(), r.baseline().orElse(null))).toList();
        CampaignSummary.Counts counts = new CampaignSummary.Counts(progress.generated(),
                progress.generationFailures(), progress.searchFailures(), progress.tested(), progress.passed(),
                progress.dropped(), progress.findings(), progress.uniqueBugs(), progress.bySymptom(),
                progress.byStage(), progress.byPair());
        List<CampaignSummary.BugRecord> bugRecords = bugs.stream().map(b -> bugRecord(settings.out(), b)).toList();
        CampaignSummary.Throughput throughput = new CampaignSummary.Throughput(progress.modelsPerSecond(),
                progress.generateTime().toNanos() / 1e9, progress.searchTime().toNanos() / 1e9,
                progress.executeTime().toNanos() / 1e9);
        return new CampaignSummary(CampaignSummary.FORMAT, crestVersion(), settingsRecord, runRecords, versions,
                startedAt.toString(), progress.elapsed().toNanos() / 1e9, stoppedBy, counts, bugRecords,
                throughput, exclusions, finished, memory);
    }

    private static CampaignSummary.BugRecord bugRecord(Path out, UniqueBug bug) {
        BugSignature s = bug.signature();
        Path folder = bug.folder();
        String relative = folder.startsWith(out) ? out.relativize(folder).toString() : folder.toString();
        return new CampaignSummary.BugRecord(bug.id(), s.symptom(), s.stage(), s.backend(),
                bug.first().backendVersion(), s.pair().orElse(null), s.normalizedMessage(),
                s.localizedOperator().orElse(null), bug.count(), relative, bug.seed(), bug.first().message(),
                bug.first().maxAbsError(), bug.first().maxRelError(), FindingStore.replayCommand(folder));
    }

    private static String crestVersion() {
        String version = SummaryBuilder.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
