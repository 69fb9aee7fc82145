package dev.crest.fuzz.campaign;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.finding.FindingMeta;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.finding.StoredFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What earlier runs of a campaign left in its output folder, read when the campaign is resumed: which models are
 * finished, the counters, the bugs already saved (rebuilt from each {@code bug-*}/{@code meta.json}, with their
 * counts and signatures from {@code summary.json}), when it started and how many runs it took. Without
 * {@code --resume} a folder holding anything but hidden leftovers is refused, so a campaign never mixes its findings
 * into another's.
 *
 * @param finished the models finished so far
 * @param counters the counters as the last summary recorded them
 * @param bugs the bugs saved so far, in the order found
 * @param startedAt when the campaign's first run started
 * @param runs how many runs the campaign took so far (0 for a new campaign)
 */
record CampaignHistory(SeedSequence.Finished finished, CampaignProgress counters, List<UniqueBug> bugs,
        Instant startedAt, int runs) {
    CampaignHistory {
        bugs = List.copyOf(bugs);
    }

    /** A new campaign. */
    static CampaignHistory none() {
        return new CampaignHistory(SeedSequence.Finished.none(), emptyCounters(), List.of(), Instant.now(), 0);
    }

    /** The history of the campaign in {@code settings.out()}; refuses a non-empty folder unless resuming. */
    static CampaignHistory read(CampaignSettings settings) {
        Path out = settings.out();
        boolean hasSummary = Files.isRegularFile(out.resolve(CampaignSummary.FILE));
        boolean empty = visibleEntries(out).isEmpty();
        if (!settings.resume()) {
            if (!empty) {
                throw new FuzzException("the output folder " + out + " is not empty; pass --resume to continue the "
                        + "campaign in it, or choose another --out folder");
            }
            return none();
        }
        if (!hasSummary) {
            if (!empty) {
                throw new FuzzException("cannot resume in " + out + ": it holds no " + CampaignSummary.FILE
                        + " of a campaign; choose another --out folder");
            }
            return none();
        }
        CampaignSummary earlier = SummaryFile.read(out);
        if (earlier.progress() == null) {
            throw new FuzzException("cannot resume the campaign in " + out + ": its " + CampaignSummary.FILE
                    + " records no progress (written by an older Crest); start a new campaign in another folder");
        }
        if (earlier.settings().seed() != settings.seed()) {
            throw new FuzzException("the campaign in " + out + " has seed " + earlier.settings().seed()
                    + "; resume it with --seed " + earlier.settings().seed() + " or without --seed");
        }
        CampaignSummary.ProgressRecord progress = earlier.progress();
        return new CampaignHistory(new SeedSequence.Finished(progress.modelsFinished(), progress.finishedOutOfOrder()),
                counters(earlier), savedBugs(out, earlier), Instant.parse(earlier.startedAt()), progress.runs());
    }

    private static CampaignProgress counters(CampaignSummary s) {
        CampaignSummary.Counts c = s.counts();
        CampaignSummary.Throughput t = s.throughput();
        return new CampaignProgress(seconds(s.elapsedSeconds()), c.generated(), c.generationFailures(),
                c.searchFailures(), c.tested(), c.passed(), c.dropped(), c.findings(), c.uniqueBugs(), c.bySymptom(),
                c.byStage(), c.byPair(), seconds(t.generateSeconds()), seconds(t.searchSeconds()),
                seconds(t.executeSeconds()));
    }

    /**
     * Every saved bug: those the summary lists keep its signature and count; one saved after the last summary was
     * written (the campaign was killed in between) gets its signature from its metadata and a count of one.
     */
    private static List<UniqueBug> savedBugs(Path out, CampaignSummary earlier) {
        Map<String, CampaignSummary.BugRecord> listed = new HashMap<>();
        earlier.uniqueBugs().forEach(b -> listed.put(b.folder(), b));
        List<UniqueBug> inSummary = new ArrayList<>();
        List<UniqueBug> unlisted = new ArrayList<>();
        for (Path folder : visibleEntries(out)) {
            String name = folder.getFileName().toString();
            if (!name.startsWith("bug-") || !Files.isDirectory(folder)) {
                continue;
            }
            StoredFinding stored = FindingReader.read(folder);
            Finding first = finding(stored);
            CampaignSummary.BugRecord record = listed.get(name);
            if (record != null) {
                BugSignature signature = new BugSignature(record.symptom(), record.stage(), record.backend(),
                        Optional.ofNullable(record.pair()), record.signature(),
                        Optional.ofNullable(record.localizedOperator()));
                inSummary.add(new UniqueBug(signature, first, folder, record.seed(), record.count()));
            } else {
                unlisted.add(new UniqueBug(BugSignature.of(first), first, folder, stored.meta().seed(), 1));
            }
        }
        List<String> order = earlier.uniqueBugs().stream().map(CampaignSummary.BugRecord::folder).toList();
        inSummary.sort((a, b) -> Integer.compare(order.indexOf(a.folder().getFileName().toString()),
                order.indexOf(b.folder().getFileName().toString())));
        unlisted.sort((a, b) -> a.folder().getFileName().toString().compareTo(b.folder().getFileName().toString()));
        inSummary.addAll(unlisted);
        return inSummary;
    }

    private static Finding finding(StoredFinding stored) {
        FindingMeta m = stored.meta();
        Finding finding = new Finding(m.symptomValue(), m.stageValue(), m.backend(), m.backendVersion(),
                m.pairValue(), m.maxAbsError(), m.maxRelError(), m.message(), stored.errorLog());
        // The saved localization is part of an inconsistency's signature; without it a resumed campaign would
        // not recognize its own bugs.
        return m.localizationValue().map(finding::withLocalization).orElse(finding);
    }

    /** The folder's entries except hidden ones (temporary files a killed run may leave), sorted by name. */
    private static List<Path> visibleEntries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new FuzzException("cannot list the output folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static CampaignProgress emptyCounters() {
        return new CampaignProgress(Duration.ZERO, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(),
                Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos(Math.round(value * 1e9));
    }
}
