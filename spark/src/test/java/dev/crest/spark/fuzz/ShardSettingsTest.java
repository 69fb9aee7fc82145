package dev.crest.spark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.diff.Tolerance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ShardSettingsTest {
    private static ShardSettings throughJavaSerialization(ShardSettings settings)
            throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ShardSettings) in.readObject();
        }
    }

    @Test
    void aShardRunsTheCampaignsSettingsWithItsOwnSeedCountAndFolderInOnePipeline() throws Exception {
        CampaignSettings campaign = new CampaignSettings(List.of("onnxruntime"), Optional.of(Duration.ofSeconds(90)),
                OptionalLong.of(50), 17, 4, 16, List.of("Add", "Relu"), new Tolerance(0.2, 0.3, 0.4, 0.5, true),
                Duration.ofSeconds(7), Duration.ofMillis(30), OptionalInt.of(12), Path.of("/campaign"), 8,
                List.of("tensorflow"), false, Duration.ofSeconds(11));
        ShardSettings shared = throughJavaSerialization(new ShardSettings(campaign, Path.of("/cache")));

        CampaignSettings shard = shared.forShard(new ShardSpec(3, 99, 13), Path.of("/scratch/out"));

        assertThat(shard).isEqualTo(campaign.withSeed(99).withMaxModels(OptionalLong.of(13))
                .withOut(Path.of("/scratch/out")).withJobs(1));
        assertThat(shared.capabilityCache()).contains(Path.of("/cache"));
        assertThat(shared.allBackends()).containsExactly("onnxruntime", "tensorflow");
        assertThat(shared.forShard(new ShardSpec(0, 1, -1), Path.of("/o")).maxModels()).isEmpty();
    }
}
