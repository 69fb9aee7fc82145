package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.testing.TestBackends;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaigns through the isolated worker process against backends that kill or hang it: each model is recorded and
 * the campaign goes on with a fresh worker to the later models.
 */
class IsolatedCampaignTest {
    @TempDir
    Path dir;

    private CampaignSummary run(String backend, long models, int jobs) {
        // The reference runs first in each fresh worker and takes its start-up allowance, so the planted hang is
        // cut off by this short per-case limit.
        CampaignSettings settings = CampaignSettings.defaults(dir.resolve(backend)).withBackends(List.of(backend))
                .withMaxModels(OptionalLong.of(models)).withSeed(3).withJobs(jobs)
                .withCaseTimeout(Duration.ofSeconds(2));
        return new Campaign(settings, Campaign.isolatedWorker(), (s, executor, runs, exclusions) -> new AbsCaseSource())
                .run();
    }

    @Test
    void aBackendThatAbortsTheProcessIsACrashOnEveryModelAndTheCampaignGoesOn() {
        CampaignSummary summary = run(TestBackends.CRASH, 3, 1);
        assertThat(summary.counts().tested()).isEqualTo(3);
        assertThat(summary.counts().bySymptom()).isEqualTo(Map.of("crash", 3L));
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> {
            assertThat(bug.count()).isEqualTo(3);
            assertThat(bug.stage()).isEqualTo("compile");
            assertThat(bug.message()).contains("exit code 134");
        });
        assertThat(summary.stoppedBy()).isEqualTo("max-models");
    }

    @Test
    void aBackendThatHangsIsATimeoutOnEveryModelAndTheCampaignGoesOnWithTwoJobs() {
        CampaignSummary summary = run(TestBackends.HANG, 4, 2);
        assertThat(summary.counts().tested()).isEqualTo(4);
        assertThat(summary.counts().bySymptom()).isEqualTo(Map.of("timeout", 4L));
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> {
            assertThat(bug.count()).isEqualTo(4);
            assertThat(bug.stage()).isEqualTo("execute");
        });
        assertThat(summary.settings().jobs()).isEqualTo(2);
    }
}
