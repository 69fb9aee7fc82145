package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.testing.TestBackends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign loop with hand-built one-node models and planted-bug backends run in this process. */
class CampaignTest {
    @TempDir
    Path dir;

    private CampaignSettings settings(String backend, long models) {
        return CampaignSettings.defaults(dir.resolve("out")).withBackends(List.of(backend))
                .withMaxModels(OptionalLong.of(models)).withSeed(42);
    }

    private static Campaign campaign(CampaignSettings settings, CaseSource source) {
        return new Campaign(settings, s -> new InProcessExecutor(BackendRegistry.standard()),
                (s, executor, runs, exclusions) -> source);
    }

    @Test
    void aPlantedBugIsFoundOnEveryModelAndSavedOnce() throws IOException {
        CampaignSettings settings = settings(TestBackends.PERTURBED_OPT, 12);
        List<Boolean> newness = new ArrayList<>();
        CampaignSummary summary = campaign(settings, new AbsCaseSource())
                .listener(new CampaignListener() {
                    @Override
                    public void found(BugLedger.Recorded recorded) {
                        newness.add(recorded.isNew());
                    }
                }).run();

        assertThat(summary.stoppedBy()).isEqualTo("max-models");
        assertThat(summary.counts().tested()).isEqualTo(12);
        assertThat(summary.counts().findings()).isEqualTo(12);
        assertThat(summary.counts().bySymptom()).containsExactly(Map.entry("inconsistency", 12L));
        assertThat(summary.counts().byPair()).containsOnlyKeys(
                TestBackends.PERTURBED_OPT + " vs reference (backend-vs-reference)");
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> {
            assertThat(bug.count()).isEqualTo(12);
            assertThat(bug.symptom()).isEqualTo("inconsistency");
            assertThat(bug.backend()).isEqualTo(TestBackends.PERTURBED_OPT);
            assertThat(bug.maxAbsError()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(FindingReader.read(settings.out().resolve(bug.folder())).meta().symptom())
                    .isEqualTo("inconsistency");
        });
        assertThat(newness).hasSize(12).containsOnlyOnce(true).first().isEqualTo(true);
        try (Stream<Path> entries = Files.list(settings.out())) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bug-")))
                    .containsExactly("bug-inconsistency-verify-0");
        }
        assertThat(SummaryFile.read(settings.out())).isEqualTo(summary);
    }

    @Test
    void aCorrectBackendPassesEveryModel() {
        CampaignSummary summary = campaign(settings(TestBackends.CHATTY, 5), new AbsCaseSource()).run();
        assertThat(summary.counts().passed()).isEqualTo(5);
        assertThat(summary.counts().findings()).isZero();
        assertThat(summary.uniqueBugs()).isEmpty();
        assertThat(summary.backendVersions()).containsKeys("reference", TestBackends.CHATTY);
        assertThat(summary.throughput().modelsPerSecond()).isPositive();
    }

    @Test
    void modelSeedsFollowTheCampaignSeedWhateverTheJobCount() {
        AbsCaseSource one = new AbsCaseSource();
        AbsCaseSource two = new AbsCaseSource();
        CampaignSummary a = campaign(settings(TestBackends.PERTURBED_OPT, 8), one).run();
        CampaignSummary b = campaign(settings(TestBackends.PERTURBED_OPT, 8).withJobs(2)
                .withOut(dir.resolve("out2")), two).run();
        SplittableRandom expected = new SplittableRandom(42);
        List<Long> seeds = Stream.generate(expected::nextLong).limit(8).toList();
        assertThat(one.seeds).containsExactlyElementsOf(seeds);
        assertThat(two.seeds).containsExactlyInAnyOrderElementsOf(seeds);
        assertThat(a.counts()).isEqualTo(b.counts());
        assertThat(a.uniqueBugs().get(0).seed()).isEqualTo(seeds.get(0));
        // Two pipelines test in no fixed order: the bug is saved from whichever model showed it first.
        assertThat(b.uniqueBugs().get(0).seed()).isIn(seeds);
    }

    @Test
    void stopEndsTheCampaignAfterTheCaseInFlightAndStillWritesTheSummary() {
        CampaignSettings settings = settings(TestBackends.PERTURBED_OPT, 1000);
        Campaign campaign = campaign(settings, new AbsCaseSource());
        campaign.listener(new CampaignListener() {
            @Override
            public void progress(CampaignProgress progress) {
                if (progress.tested() == 3) {
                    campaign.stop();
                }
            }
        });
        CampaignSummary summary = campaign.run();
        assertThat(summary.stoppedBy()).isEqualTo("interrupted");
        assertThat(summary.counts().tested()).isEqualTo(3);
        assertThat(SummaryFile.read(settings.out()).counts().tested()).isEqualTo(3);
    }

    @Test
    void theTimeBudgetStopsTheLoopBeforeTheModelCount() {
        CampaignSettings settings = settings(TestBackends.PERTURBED_OPT, 1_000_000)
                .withTimeBudget(Optional.of(Duration.ofNanos(1)));
        CampaignSummary summary = campaign(settings, new AbsCaseSource()).run();
        assertThat(summary.stoppedBy()).isEqualTo("time");
        assertThat(summary.counts().tested()).isLessThan(1_000_000);
        assertThat(summary.settings().timeBudgetSeconds()).isEqualTo(1e-9);
    }

    @Test
    void aGenerationFailureIsCountedNotFatal() {
        CaseSource flaky = new CaseSource() {
            final AbsCaseSource models = new AbsCaseSource();

            @Override
            public PreparedCase prepare(long seed) {
                if (Math.floorMod(seed, 2) == 0) {
                    throw new IllegalStateException("a spec bug");
                }
                return models.prepare(seed);
            }
        };
        CampaignSummary summary = campaign(settings(TestBackends.CHATTY, 10), flaky).run();
        SplittableRandom seeds = new SplittableRandom(42);
        long even = Stream.generate(seeds::nextLong).limit(10).filter(s -> Math.floorMod(s, 2) == 0).count();
        assertThat(summary.counts().generationFailures()).isEqualTo(even);
        assertThat(summary.counts().tested()).isEqualTo(10 - even);
    }

    @Test
    void anUnknownBackendIsAUserError() {
        assertThatThrownBy(() -> campaign(settings("no-such-backend", 1), new AbsCaseSource()).run())
                .isInstanceOf(FuzzException.class).hasMessageContaining("unknown backend 'no-such-backend'");
    }

    @Test
    void anUnwritableOutputFolderIsAUserError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> campaign(settings(TestBackends.CHATTY, 1).withOut(file.resolve("out")),
                new AbsCaseSource()).run())
                .isInstanceOf(FuzzException.class).hasMessageStartingWith("cannot write to the output folder");
    }
}
