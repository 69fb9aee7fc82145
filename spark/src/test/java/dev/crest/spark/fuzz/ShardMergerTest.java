package dev.crest.spark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.SummaryFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of shards' outputs, from shard outputs written by hand (no Spark, no campaign). */
class ShardMergerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CampaignSummary.BugRecord bug(String shardOut, String symptom, String stage, String message,
            long count, String folder) {
        return new CampaignSummary.BugRecord("id-" + message, symptom, stage, "onnxruntime-opt", "1.0", null, message,
                null, count, folder, 5, message + " 123", 0, 0, "crest fuzz replay " + shardOut + "/" + folder);
    }

    private static CampaignSummary summary(String shardOut, long tested, long findings, Map<String, Long> bySymptom,
            List<CampaignSummary.BugRecord> bugs) {
        CampaignSummary.SettingsRecord settings = new CampaignSummary.SettingsRecord(List.of("onnxruntime"), null, 10L,
                9, 10, 17, List.of(), 1e-2, 1e-3, 10, 0.02, null, shardOut, 1);
        CampaignSummary.Counts counts = new CampaignSummary.Counts(tested, 0, 0, tested, tested - findings, 0,
                findings, bugs.size(), bySymptom, Map.of(), Map.of());
        return new CampaignSummary(CampaignSummary.FORMAT, "dev", settings,
                List.of(new CampaignSummary.RunRecord("onnxruntime-opt", "onnxruntime-noopt")),
                Map.of("onnxruntime-opt", "1.0"), "2026-01-01T00:00:00Z", 3, "max-models", counts, bugs,
                new CampaignSummary.Throughput(1, 1, 1, 1), List.of("Foo(float64): unsupported"));
    }

    /**
     * A shard's packed output: its summary and, per bug, a model and a meta.json naming its replay folder, and a
     * reduced case with a meta.json of its own, as a reduction writes one.
     */
    private static ShardResult shard(int index, CampaignSummary summary) throws IOException {
        List<PackedFile> files = new ArrayList<>();
        files.add(new PackedFile(CampaignSummary.FILE, JSON.writeValueAsBytes(summary)));
        for (CampaignSummary.BugRecord b : summary.uniqueBugs()) {
            files.add(new PackedFile(b.folder() + "/model.onnx",
                    ("model of shard " + index + " " + b.folder()).getBytes(StandardCharsets.UTF_8)));
            files.add(new PackedFile(b.folder() + "/meta.json",
                    ("{\"replay\":\"" + b.replay() + "\"}").getBytes(StandardCharsets.UTF_8)));
            files.add(new PackedFile(b.folder() + "/reduced/meta.json",
                    ("{\"replay\":\"" + b.replay() + "/reduced\"}").getBytes(StandardCharsets.UTF_8)));
        }
        return ShardResult.succeeded(index, "host-" + index, files);
    }

    private static CampaignSettings campaign(Path out) {
        return CampaignSettings.defaults(out).withSeed(9).withMaxModels(OptionalLong.of(20));
    }

    @Test
    void overlappingSignaturesMergeIntoTheFirstShardsFolderWithSummedCountsAndDistinctOnesAreRenumbered()
            throws IOException {
        String a = "/scratch/a/out";
        String b = "/scratch/b/out";
        ShardResult first = shard(0, summary(a, 10, 3, Map.of("crash", 2L, "inconsistency", 1L), List.of(
                bug(a, "crash", "compile", "boom", 2, "bug-crash-compile-0"),
                bug(a, "inconsistency", "verify", "off", 1, "bug-inconsistency-verify-0"))));
        ShardResult second = shard(1, summary(b, 7, 5, Map.of("crash", 5L), List.of(
                bug(b, "crash", "compile", "boom", 4, "bug-crash-compile-0"),
                bug(b, "crash", "compile", "bang", 1, "bug-crash-compile-1"))));
        ShardResult failed = ShardResult.failed(2, "host-2", "the executor on host-2 cannot load the native Z3"
                + " library");
        Path out = dir.resolve("campaign");

        CampaignSummary merged = new ShardMerger(campaign(out), 3).merge(List.of(second, failed, first),
                Duration.ofSeconds(4));

        assertThat(merged.counts().tested()).isEqualTo(17);
        assertThat(merged.counts().findings()).isEqualTo(8);
        assertThat(merged.counts().bySymptom()).isEqualTo(Map.of("crash", 7L, "inconsistency", 1L));
        assertThat(merged.counts().uniqueBugs()).isEqualTo(3);
        assertThat(merged.uniqueBugs()).extracting(CampaignSummary.BugRecord::folder, CampaignSummary.BugRecord::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bug-crash-compile-0", 6L),
                        org.assertj.core.groups.Tuple.tuple("bug-inconsistency-verify-0", 1L),
                        org.assertj.core.groups.Tuple.tuple("bug-crash-compile-1", 1L));
        assertThat(merged.throughput().modelsPerSecond()).isEqualTo(17 / 4.0);
        assertThat(merged.exclusions()).containsExactly("Foo(float64): unsupported");
        assertThat(merged.settings().seed()).isEqualTo(9);

        try (var entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "summary.json", "bug-crash-compile-0", "bug-crash-compile-1", "bug-inconsistency-verify-0");
        }
        assertThat(Files.readString(out.resolve("bug-crash-compile-0/model.onnx")))
                .isEqualTo("model of shard 0 bug-crash-compile-0");
        assertThat(Files.readString(out.resolve("bug-crash-compile-1/model.onnx")))
                .isEqualTo("model of shard 1 bug-crash-compile-1");
        Path moved = out.toAbsolutePath().resolve("bug-crash-compile-1");
        assertThat(JSON.readTree(moved.resolve("meta.json").toFile()).get("replay").asText())
                .isEqualTo("crest fuzz replay " + moved);
        assertThat(JSON.readTree(moved.resolve("reduced/meta.json").toFile()).get("replay").asText())
                .isEqualTo("crest fuzz replay " + moved.resolve("reduced"));
        assertThat(merged.uniqueBugs().get(2).replay()).isEqualTo("crest fuzz replay " + moved);

        assertThat(SummaryFile.read(out).counts()).isEqualTo(merged.counts());
        JsonNode shards = JSON.readTree(out.resolve("summary.json").toFile()).get(ShardMerger.SHARDS_KEY);
        assertThat(shards.get("planned").asInt()).isEqualTo(3);
        assertThat(shards.get("succeeded").asInt()).isEqualTo(2);
        assertThat(shards.get("failed")).singleElement().satisfies(f -> {
            assertThat(f.get("index").asInt()).isEqualTo(2);
            assertThat(f.get("error").asText()).contains("Z3");
        });
        try (var siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(out); // the staging folder is gone
        }
    }

    @Test
    void aNonEmptyOutputFolderIsRefusedAndLeftAlone() throws IOException {
        Path out = Files.createDirectories(dir.resolve("used"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        ShardResult only = shard(0, summary("/s", 1, 0, Map.of(), List.of()));
        assertThatThrownBy(() -> new ShardMerger(campaign(out), 1).merge(List.of(only), Duration.ofSeconds(1)))
                .isInstanceOf(FuzzException.class).hasMessageContaining("is not empty");
        try (var entries = Files.list(out)) {
            assertThat(entries).containsExactly(out.resolve("notes.txt"));
        }
    }

    @Test
    void aShardWithoutSummaryFailsTheMergeWithoutLeavingAnOutputFolder() {
        Path out = dir.resolve("campaign");
        ShardResult broken = ShardResult.succeeded(0, "h", List.of(new PackedFile("bug-crash-compile-0/model.onnx",
                new byte[] {1})));
        assertThatThrownBy(() -> new ShardMerger(campaign(out), 1).merge(List.of(broken), Duration.ofSeconds(1)))
                .isInstanceOf(FuzzException.class).hasMessageContaining("returned no summary.json");
        assertThat(out).doesNotExist();
    }
}
