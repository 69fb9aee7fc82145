package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.testing.TestBackends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several pipelines, resuming, refusing a used folder, and compared backends, with backends run in this process. */
class CampaignScaleTest {
    private static final long SEED = 42;

    @TempDir
    Path dir;

    private CampaignSettings settings(String backend, long models, String out) {
        return CampaignSettings.defaults(dir.resolve(out)).withBackends(List.of(backend))
                .withMaxModels(OptionalLong.of(models)).withSeed(SEED);
    }

    private static Campaign campaign(CampaignSettings settings, CaseSource source) {
        return new Campaign(settings, s -> new InProcessExecutor(BackendRegistry.standard()),
                (s, executor, runs, exclusions) -> source);
    }

    private static List<Long> draws(long from, long to) {
        SplittableRandom random = new SplittableRandom(SEED);
        return Stream.generate(random::nextLong).limit(to).skip(from).toList();
    }

    private static List<String> bugFolders(Path out) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bug-")).sorted().toList();
        }
    }

    @Test
    void twoJobsTestEachModelOnceAndSaveAPlantedBugOnceCountingEveryFinding() throws IOException {
        AbsCaseSource source = new AbsCaseSource();
        CampaignSummary summary = campaign(settings(TestBackends.PERTURBED_OPT, 16, "jobs").withJobs(2), source).run();
        assertThat(source.seeds).containsExactlyInAnyOrderElementsOf(draws(0, 16));
        assertThat(summary.counts().tested()).isEqualTo(16);
        assertThat(summary.settings().jobs()).isEqualTo(2);
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> assertThat(bug.count()).isEqualTo(16));
        assertThat(bugFolders(dir.resolve("jobs"))).containsExactly("bug-inconsistency-verify-0");
        assertThat(summary.progress()).isEqualTo(new CampaignSummary.ProgressRecord(16, List.of(), 1));
    }

    @Test
    void aResumedCampaignContinuesTheSeedsAndCountsWithoutSavingAKnownBugAgain() throws IOException {
        CampaignSettings settings = settings(TestBackends.PERTURBED_OPT, 12, "resumed");
        AbsCaseSource first = new AbsCaseSource();
        Campaign stopped = campaign(settings, first);
        stopped.listener(new CampaignListener() {
            @Override
            public void progress(CampaignProgress progress) {
                if (progress.tested() == 5) {
                    stopped.stop();
                }
            }
        });
        assertThat(stopped.run().stoppedBy()).isEqualTo("interrupted");

        AbsCaseSource second = new AbsCaseSource();
        CampaignSummary summary = campaign(settings.withResume(true), second).run();
        // The first run prepared one model ahead that it never tested: the resumed run tests it.
        assertThat(first.seeds).startsWith(draws(0, 5).toArray(Long[]::new));
        assertThat(second.seeds).containsExactlyElementsOf(draws(5, 12));
        assertThat(summary.stoppedBy()).isEqualTo("max-models");
        assertThat(summary.counts().tested()).isEqualTo(12);
        assertThat(summary.counts().findings()).isEqualTo(12);
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> {
            assertThat(bug.count()).isEqualTo(12);
            assertThat(bug.seed()).isEqualTo(draws(0, 1).get(0));
        });
        assertThat(bugFolders(settings.out())).containsExactly("bug-inconsistency-verify-0");
        assertThat(summary.progress()).isEqualTo(new CampaignSummary.ProgressRecord(12, List.of(), 2));
        assertThat(SummaryFile.read(settings.out())).isEqualTo(summary);
    }

    @Test
    void whatAKilledCampaignLeftOnDiskIsResumable() throws IOException {
        CampaignSettings settings = settings(TestBackends.PERTURBED_OPT, 10, "running");
        Path killed = dir.resolve("killed");
        Campaign running = campaign(settings, new AbsCaseSource());
        running.listener(new CampaignListener() {
            @Override
            public void progress(CampaignProgress progress) {
                if (progress.tested() == 4) {
                    // The folder as a SIGKILL at this moment would leave it: the files written so far.
                    copy(settings.out(), killed);
                }
            }
        });
        running.run();
        CampaignSummary atKill = SummaryFile.read(killed);
        assertThat(atKill.stoppedBy()).isEqualTo(CampaignSummary.RUNNING);

        AbsCaseSource resumed = new AbsCaseSource();
        CampaignSummary summary = campaign(settings.withOut(killed).withResume(true), resumed).run();
        long finishedAtKill = atKill.progress().modelsFinished();
        assertThat(resumed.seeds).containsExactlyElementsOf(draws(finishedAtKill, 10));
        assertThat(summary.counts().tested()).isEqualTo(10);
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> assertThat(bug.count()).isEqualTo(10));
        assertThat(bugFolders(killed)).containsExactly("bug-inconsistency-verify-0");
    }

    @Test
    void aFolderHoldingSomethingIsRefusedWithoutResume() throws IOException {
        CampaignSettings settings = settings(TestBackends.CHATTY, 2, "used");
        campaign(settings, new AbsCaseSource()).run();
        assertThatThrownBy(() -> campaign(settings, new AbsCaseSource()).run())
                .isInstanceOf(FuzzException.class)
                .hasMessage("the output folder " + settings.out() + " is not empty; pass --resume to continue the "
                        + "campaign in it, or choose another --out folder");
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other").resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> campaign(settings.withOut(dir.resolve("other")).withResume(true),
                new AbsCaseSource()).run())
                .isInstanceOf(FuzzException.class).hasMessageContaining("holds no summary.json");
    }

    @Test
    void resumingWithAnotherSeedIsRefused() {
        CampaignSettings settings = settings(TestBackends.CHATTY, 2, "seeded");
        campaign(settings, new AbsCaseSource()).run();
        assertThatThrownBy(() -> campaign(settings.withSeed(7).withResume(true), new AbsCaseSource()).run())
                .isInstanceOf(FuzzException.class).hasMessageContaining("has seed 42; resume it with --seed 42");
        assertThat(Campaign.resumableSeed(settings.out())).contains(SEED);
        assertThat(Campaign.resumableSeed(dir.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void aResumedCampaignThatIsAlreadyCompleteTestsNothingMore() {
        CampaignSettings settings = settings(TestBackends.CHATTY, 3, "complete");
        campaign(settings, new AbsCaseSource()).run();
        AbsCaseSource again = new AbsCaseSource();
        CampaignSummary summary = campaign(settings.withResume(true), again).run();
        assertThat(again.seeds).isEmpty();
        assertThat(summary.counts().tested()).isEqualTo(3);
        assertThat(summary.counts().passed()).isEqualTo(3);
    }

    @Test
    void comparedBackendsAddTheirRunsAndAreListedApart() {
        CampaignSettings settings = settings(TestBackends.CHATTY, 4, "compared")
                .withCompare(List.of(TestBackends.PERTURBED_OPT, TestBackends.CHATTY));
        CampaignSummary summary = campaign(settings, new AbsCaseSource()).run();
        assertThat(summary.runs()).extracting(CampaignSummary.RunRecord::backend)
                .containsExactly(TestBackends.CHATTY, TestBackends.PERTURBED_OPT);
        assertThat(summary.settings().backends()).containsExactly(TestBackends.CHATTY);
        assertThat(summary.settings().compare()).containsExactly(TestBackends.PERTURBED_OPT, TestBackends.CHATTY);
        assertThat(summary.backendVersions()).containsKeys(TestBackends.CHATTY, TestBackends.PERTURBED_OPT);
        assertThat(summary.uniqueBugs()).singleElement()
                .satisfies(bug -> assertThat(bug.backend()).isEqualTo(TestBackends.PERTURBED_OPT));
    }

    @Test
    void theSummaryRecordsResidentMemory() {
        CampaignSummary summary = campaign(settings(TestBackends.CHATTY, 25, "memory"), new AbsCaseSource()).run();
        assertThat(summary.memory()).isNotNull();
        assertThat(summary.memory().afterModels()).isEqualTo(CampaignRun.WARM_UP_MODELS);
        assertThat(summary.memory().jvmStartKib()).isPositive();
        assertThat(summary.memory().jvmEndKib()).isPositive();
        assertThat(summary.memory().workersAtEnd()).isNotNull();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
