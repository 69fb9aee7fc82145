package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.testing.MiscomputingBackends;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A campaign against a backend that computes one operator wrong finds it, localizes it and counts it once. */
class LocalizedCampaignTest {
    @TempDir
    Path dir;

    @Test
    void everyFindingOfAPlantedOperatorBugIsLocalizedToItAndCountsAsOneBug() {
        CampaignSettings settings = CampaignSettings.defaults(dir.resolve("out"))
                .withBackends(List.of(MiscomputingBackends.SIGMOID_PLUS_ONE)).withNodes(4)
                .withOperators(List.of("Sigmoid", "Add", "Mul", "Relu", "Concat", "Reshape"))
                .withMaxModels(OptionalLong.of(12)).withSeed(3).withSearchIterations(OptionalInt.of(30));

        CampaignSummary summary = new Campaign(settings, s -> new InProcessExecutor(BackendRegistry.standard()),
                GeneratedCaseSource.factory(dir.resolve("capabilities"))).run();

        assertThat(summary.counts().findings()).isPositive();
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> {
            assertThat(bug.localizedOperator()).isEqualTo("Sigmoid(float32)");
            assertThat(bug.count()).isEqualTo(summary.counts().findings());
            assertThat(FindingReader.read(dir.resolve("out").resolve(bug.folder())).meta().localizationValue())
                    .hasValueSatisfying(where -> assertThat(where.node().operator()).isEqualTo("Sigmoid"));
        });
    }
}
