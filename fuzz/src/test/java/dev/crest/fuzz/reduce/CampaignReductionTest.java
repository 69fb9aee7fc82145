package dev.crest.fuzz.reduce;

import dev.crest.fuzz.testing.MiscomputingBackends;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.campaign.Campaign;
import dev.crest.fuzz.campaign.CampaignListener;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.PreparedCase;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A campaign with automatic reduction: each new bug gets its reduced case written beside it, repeats do not. */
class CampaignReductionTest {
    @TempDir
    Path dir;

    private CampaignSummary run(Duration reduceBudget, List<String> notes) {
        CampaignSettings settings = CampaignSettings.defaults(dir.resolve("out"))
                .withBackends(List.of(MiscomputingBackends.WRONG_TANH)).withMaxModels(OptionalLong.of(3)).withSeed(5)
                .withReduceBudget(reduceBudget);
        return new Campaign(settings, s -> new InProcessExecutor(BackendRegistry.standard()),
                (s, executor, runs, exclusions) -> seed -> PreparedCase.of(seed,
                        TestCase.of(TenNodeModel.model(), TenNodeModel.inputs(), seed), true, Duration.ofMillis(1),
                        Duration.ofMillis(1)))
                .listener(new CampaignListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                }).run();
    }

    @Test
    void aNewBugIsReducedToThePlantedOperatorBesideTheOriginal() throws Exception {
        List<String> notes = new ArrayList<>();
        CampaignSummary summary = run(Duration.ofMinutes(2), notes);

        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> assertThat(bug.count()).isEqualTo(3));
        Path bug = dir.resolve("out").resolve(summary.uniqueBugs().get(0).folder());
        Path reduced = bug.resolve(ReducedCaseWriter.FOLDER);
        Model model = OnnxModels.read(reduced.resolve("model.onnx"));
        assertThat(model.graph().nodes()).extracting(node -> node.opType()).containsExactly("Tanh");
        assertThat(FindingReader.read(reduced).meta().symptom()).isEqualTo("inconsistency");
        // The reduced case carries its own localization: node 0 of the reduced model, not the original's index.
        assertThat(FindingReader.read(reduced).meta().localizationValue()).hasValueSatisfying(l -> {
            assertThat(l.node().index()).isZero();
            assertThat(l.node().operator()).isEqualTo("Tanh");
        });
        // Three models showed the same bug; only the first was reduced.
        assertThat(notes).filteredOn(n -> n.contains("reduced 10 → 1 node (Tanh)")).hasSize(1);
    }

    @Test
    void aZeroBudgetLeavesFindingsUnreduced() {
        CampaignSummary summary = run(Duration.ZERO, new ArrayList<>());

        Path bug = dir.resolve("out").resolve(summary.uniqueBugs().get(0).folder());
        assertThat(bug.resolve(ReducedCaseWriter.FOLDER)).doesNotExist();
    }
}
