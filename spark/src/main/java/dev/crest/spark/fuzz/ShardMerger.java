package dev.crest.spark.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.campaign.BugSignature;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.SummaryFile;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.finding.FindingMeta;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.fuzz.finding.StoredFinding;
import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Merges the outputs of a campaign's shards into one findings store: bugs are deduplicated by
 * {@link BugSignature} (the first shard's folder is kept, counts are added), folders are renumbered
 * {@code bug-<symptom>-<stage>-<n>} without gaps, and one {@code summary.json} sums the shards' counts and records
 * the shards. Everything is assembled in a hidden sibling folder and moved into place at the end, so a failed merge
 * leaves no output that looks complete.
 */
public final class ShardMerger {
    /** The key of the shard record added to {@code summary.json}. */
    public static final String SHARDS_KEY = "shards";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CampaignSettings campaign;
    private final int plannedShards;

    /** A merger for {@code campaign} (its settings go into the summary), split into {@code plannedShards}. */
    public ShardMerger(CampaignSettings campaign, int plannedShards) {
        this.campaign = campaign;
        this.plannedShards = plannedShards;
    }

    /**
     * Merges the succeeded shards in {@code results} (the failed ones are recorded) into {@code campaign.out()},
     * which must be missing or empty, and returns the merged summary.
     *
     * @param elapsed the campaign's wall-clock time on the driver
     */
    public CampaignSummary merge(List<ShardResult> results, Duration elapsed) {
        Path out = campaign.out().toAbsolutePath().normalize();
        requireEmpty(out);
        List<ShardResult> sorted = results.stream().sorted(Comparator.comparingInt(ShardResult::index)).toList();
        if (sorted.stream().allMatch(s -> s.failure().isPresent())) {
            throw new IllegalArgumentException("no shard succeeded, so there is nothing to merge");
        }
        Path staging = null;
        try {
            Files.createDirectories(out.getParent());
            staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".merging-");
            Merged merged = new Merged();
            for (ShardResult shard : sorted) {
                if (shard.failure().isEmpty()) {
                    mergeShard(shard, staging, out, merged);
                }
            }
            CampaignSummary summary = merged.summary(campaign.withOut(out), elapsed);
            Files.write(staging.resolve(CampaignSummary.FILE), summaryJson(summary, sorted));
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
            return summary;
        } catch (IOException e) {
            throw new FuzzException("cannot write the merged campaign into " + out + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                // A hidden leftover next to the output folder never looks like a campaign.
                AtomicFiles.deleteTreeQuietly(staging);
            }
        }
    }

    /** Refuses an output folder that holds anything visible: campaigns never mix their findings. */
    public static void requireEmpty(Path out) {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new FuzzException("the output folder " + out + " is not empty; choose another --out folder"
                        + " (a campaign on Spark cannot --resume)");
            }
        } catch (IOException e) {
            throw new FuzzException("cannot list the output folder " + out + ": " + e.getMessage(), e);
        }
    }

    private void mergeShard(ShardResult shard, Path staging, Path out, Merged merged) throws IOException {
        Path unpacked = staging.resolve(".shard-" + shard.index());
        ShardPacking.unpack(shard.files(), unpacked);
        if (!Files.isRegularFile(unpacked.resolve(CampaignSummary.FILE))) {
            throw new FuzzException("shard " + shard.index() + " on " + shard.host() + " returned no "
                    + CampaignSummary.FILE);
        }
        CampaignSummary summary = SummaryFile.read(unpacked);
        merged.add(summary);
        Map<String, CampaignSummary.BugRecord> listed = new LinkedHashMap<>();
        summary.uniqueBugs().forEach(b -> listed.put(b.folder(), b));
        List<CampaignSummary.BugRecord> bugs = new ArrayList<>(summary.uniqueBugs());
        bugs.addAll(unlistedBugs(unpacked, listed, summary.settings().out()));
        for (CampaignSummary.BugRecord bug : bugs) {
            BugSignature signature = new BugSignature(bug.symptom(), bug.stage(), bug.backend(),
                    Optional.ofNullable(bug.pair()), bug.signature(), Optional.ofNullable(bug.localizedOperator()));
            Path source = unpacked.resolve(bug.folder());
            if (merged.bugs.containsKey(signature) || !Files.isDirectory(source)) {
                merged.count(signature, bug);
                continue;
            }
            String name = merged.nextFolderName(bug);
            Path target = staging.resolve(name);
            Files.move(source, target);
            Path finalFolder = out.resolve(name);
            FindingStore.repointReplayCommands(target, finalFolder);
            merged.add(signature, bug, name, FindingStore.replayCommand(finalFolder));
        }
        AtomicFiles.deleteTreeQuietly(unpacked);
    }

    /** Bug folders a shard saved after its last summary was written: signature from meta.json, a count of one. */
    private static List<CampaignSummary.BugRecord> unlistedBugs(Path unpacked, Map<String, CampaignSummary.BugRecord>
            listed, String shardOut) throws IOException {
        List<CampaignSummary.BugRecord> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(unpacked)) {
            for (Path folder : entries.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (!name.startsWith("bug-") || !Files.isDirectory(folder) || listed.containsKey(name)) {
                    continue;
                }
                StoredFinding stored = FindingReader.read(folder);
                FindingMeta m = stored.meta();
                Finding first = new Finding(m.symptomValue(), m.stageValue(), m.backend(), m.backendVersion(),
                        m.pairValue(), m.maxAbsError(), m.maxRelError(), m.message(), stored.errorLog());
                BugSignature s = BugSignature.of(first);
                found.add(new CampaignSummary.BugRecord(s.id(), s.symptom(), s.stage(), s.backend(),
                        first.backendVersion(), s.pair().orElse(null), s.normalizedMessage(), null, 1, name,
                        m.seed(), first.message(), first.maxAbsError(), first.maxRelError(),
                        FindingStore.replayCommand(Path.of(shardOut).resolve(name))));
            }
        }
        return found;
    }

    private byte[] summaryJson(CampaignSummary summary, List<ShardResult> shards) throws IOException {
        ObjectNode document = JSON.valueToTree(summary);
        ObjectNode record = document.putObject(SHARDS_KEY);
        record.put("planned", plannedShards);
        record.put("succeeded", shards.stream().filter(s -> s.failure().isEmpty()).count());
        ArrayNode failed = record.putArray("failed");
        for (ShardResult shard : shards) {
            shard.failure().ifPresent(error -> failed.addObject().put("index", shard.index())
                    .put("host", shard.host()).put("error", error));
        }
        return JSON.writeValueAsBytes(document);
    }

    /** The merge so far: counters summed over shards and the distinct bugs in the order first seen. */
    private static final class Merged {
        private final Map<BugSignature, CampaignSummary.BugRecord> bugs = new LinkedHashMap<>();
        private final Map<String, Integer> nextNumber = new HashMap<>();
        private final List<CampaignSummary> shards = new ArrayList<>();

        void add(CampaignSummary shard) {
            shards.add(shard);
        }

        String nextFolderName(CampaignSummary.BugRecord bug) {
            String prefix = "bug-" + bug.symptom() + "-" + bug.stage() + "-";
            int n = nextNumber.merge(prefix, 1, Integer::sum) - 1;
            return prefix + n;
        }

        void add(BugSignature signature, CampaignSummary.BugRecord bug, String folder, String replay) {
            bugs.put(signature, new CampaignSummary.BugRecord(bug.id(), bug.symptom(), bug.stage(), bug.backend(),
                    bug.backendVersion(), bug.pair(), bug.signature(), bug.localizedOperator(), bug.count(), folder,
                    bug.seed(), bug.message(), bug.maxAbsError(), bug.maxRelError(), replay));
        }

        void count(BugSignature signature, CampaignSummary.BugRecord bug) {
            CampaignSummary.BugRecord known = bugs.get(signature);
            if (known == null) {
                return; // listed in a summary but its folder is missing: nothing to keep
            }
            bugs.put(signature, new CampaignSummary.BugRecord(known.id(), known.symptom(), known.stage(),
                    known.backend(), known.backendVersion(), known.pair(), known.signature(),
                    known.localizedOperator(), known.count() + bug.count(), known.folder(), known.seed(),
                    known.message(), known.maxAbsError(), known.maxRelError(), known.replay()));
        }

        CampaignSummary summary(CampaignSettings settings, Duration elapsed) {
            long generated = 0;
            long generationFailures = 0;
            long searchFailures = 0;
            long tested = 0;
            long passed = 0;
            long dropped = 0;
            long findings = 0;
            Map<String, Long> bySymptom = new TreeMap<>();
            Map<String, Long> byStage = new TreeMap<>();
            Map<String, Long> byPair = new TreeMap<>();
            double generate = 0;
            double search = 0;
            double execute = 0;
            Map<String, String> versions = new TreeMap<>();
            LinkedHashSet<String> exclusions = new LinkedHashSet<>();
            LinkedHashSet<String> stoppedBy = new LinkedHashSet<>();
            Instant startedAt = null;
            for (CampaignSummary s : shards) {
                CampaignSummary.Counts c = s.counts();
                generated += c.generated();
                generationFailures += c.generationFailures();
                searchFailures += c.searchFailures();
                tested += c.tested();
                passed += c.passed();
                dropped += c.dropped();
                findings += c.findings();
                c.bySymptom().forEach((k, v) -> bySymptom.merge(k, v, Long::sum));
                c.byStage().forEach((k, v) -> byStage.merge(k, v, Long::sum));
                c.byPair().forEach((k, v) -> byPair.merge(k, v, Long::sum));
                generate += s.throughput().generateSeconds();
                search += s.throughput().searchSeconds();
                execute += s.throughput().executeSeconds();
                versions.putAll(s.backendVersions());
                exclusions.addAll(s.exclusions());
                stoppedBy.add(s.stoppedBy());
                Instant started = Instant.parse(s.startedAt());
                startedAt = startedAt == null || started.isBefore(startedAt) ? started : startedAt;
            }
            double seconds = elapsed.toNanos() / 1e9;
            CampaignSummary.Counts counts = new CampaignSummary.Counts(generated, generationFailures, searchFailures,
                    tested, passed, dropped, findings, bugs.size(), bySymptom, byStage, byPair);
            CampaignSummary.SettingsRecord settingsRecord = CampaignSummary.SettingsRecord.of(settings, 1);
            CampaignSummary first = shards.get(0);
            return new CampaignSummary(CampaignSummary.FORMAT, first.crestVersion(), settingsRecord, first.runs(),
                    versions, startedAt.toString(), seconds, String.join(", ", stoppedBy), counts,
                    new ArrayList<>(bugs.values()), new CampaignSummary.Throughput(seconds > 0 ? tested / seconds : 0,
                            generate, search, execute), new ArrayList<>(exclusions));
        }
    }
}
