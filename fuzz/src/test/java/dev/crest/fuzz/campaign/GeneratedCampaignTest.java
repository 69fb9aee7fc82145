package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.graph.onnx.OnnxModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns over generated models (solver, gradient search, reference) with backends run in this process. */
class GeneratedCampaignTest {
    private static final List<String> OPERATORS = List.of("Add", "Mul", "Relu", "Cos", "Concat", "Reshape", "MatMul");

    @TempDir
    Path dir;

    private CampaignSettings settings(String backend, String out, long models) {
        return CampaignSettings.defaults(dir.resolve(out)).withBackends(List.of(backend)).withNodes(4)
                .withOperators(OPERATORS).withMaxModels(OptionalLong.of(models)).withSeed(7)
                .withSearchIterations(OptionalInt.of(30));
    }

    private Campaign campaign(CampaignSettings settings, CaseSourceFactory sources) {
        return new Campaign(settings, s -> new InProcessExecutor(BackendRegistry.standard()), sources);
    }

    private CaseSourceFactory generated() {
        return GeneratedCaseSource.factory(dir.resolve("capabilities"));
    }

    /** The standard source, remembering the bytes of every model it prepares, in seed order. */
    private CaseSourceFactory recording(List<byte[]> models) {
        CaseSourceFactory standard = generated();
        return (settings, executor, runs, exclusions) -> {
            CaseSource source = standard.open(settings, executor, runs, exclusions);
            return seed -> {
                PreparedCase prepared = source.prepare(seed);
                prepared.testCase().ifPresent(c -> models.add(c.modelBytes()));
                return prepared;
            };
        };
    }

    @Test
    void aShortCampaignOnOnnxRuntimeAccountsForEveryModel() {
        CampaignSummary summary = campaign(settings("onnxruntime", "ort", 10), generated()).run();
        CampaignSummary.Counts counts = summary.counts();
        assertThat(counts.generated() + counts.generationFailures()).isEqualTo(10);
        assertThat(counts.tested()).isEqualTo(counts.generated()).isPositive();
        assertThat(counts.passed() + counts.dropped() + counts.findings()).isEqualTo(counts.tested());
        assertThat(summary.backendVersions()).containsKeys("reference", "onnxruntime-noopt", "onnxruntime-opt");
        assertThat(summary.runs()).extracting(CampaignSummary.RunRecord::baseline)
                .containsExactly(null, "onnxruntime-noopt");
        assertThat(SummaryFile.read(dir.resolve("ort"))).isEqualTo(summary);
    }

    @Test
    void aPlantedOutputBugIsOneDistinctBugPerLocalizedOperatorCountedOnEveryModelThatShowsIt() {
        // The planted bug adds 1 to the first output, so localization blames whichever operator computes it:
        // one distinct bug per operator and dtype (LocalizedCampaignTest plants a bug in one operator).
        CampaignSummary summary = campaign(settings(TestBackends.PERTURBED_OPT, "planted", 10), generated()).run();
        assertThat(summary.counts().findings()).isPositive();
        assertThat(summary.counts().bySymptom()).containsOnlyKeys("inconsistency");
        assertThat(summary.uniqueBugs()).allSatisfy(bug -> {
            assertThat(bug.pair()).isEqualTo(TestBackends.PERTURBED_OPT + " vs reference (backend-vs-reference)");
            assertThat(bug.localizedOperator()).isNotNull();
            assertThat(dir.resolve("planted").resolve(bug.folder()).resolve("model.onnx")).isRegularFile();
        });
        assertThat(summary.uniqueBugs().stream().map(CampaignSummary.BugRecord::localizedOperator).distinct())
                .hasSameSizeAs(summary.uniqueBugs());
        assertThat(summary.uniqueBugs().stream().mapToLong(CampaignSummary.BugRecord::count).sum())
                .isEqualTo(summary.counts().findings());
    }

    @Test
    void theSameSeedGivesTheSameModelsAndCounts() {
        List<byte[]> first = Collections.synchronizedList(new ArrayList<>());
        List<byte[]> second = Collections.synchronizedList(new ArrayList<>());
        CampaignSummary a = campaign(settings(TestBackends.PERTURBED_OPT, "a", 6), recording(first)).run();
        CampaignSummary b = campaign(settings(TestBackends.PERTURBED_OPT, "b", 6).withJobs(2), recording(second))
                .run();
        assertThat(a.counts()).isEqualTo(b.counts());
        assertThat(second).hasSameSizeAs(first);
        // Two pipelines may test out of order; the set of models must match.
        assertThat(second.stream().map(java.util.Arrays::toString))
                .containsExactlyInAnyOrderElementsOf(first.stream().map(java.util.Arrays::toString).toList());
        assertThat(first).allSatisfy(bytes -> assertThat(OnnxModels.parse(bytes).graph().nodes()).isNotEmpty());
    }

    @Test
    void anOperatorABackendRejectsIsExcludedWithANote() {
        List<String> notes = new ArrayList<>();
        CampaignSummary summary = campaign(settings(CampaignTestBackends.NO_COS, "no-cos", 6), recording(
                new ArrayList<>()))
                .listener(new CampaignListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                }).run();
        assertThat(summary.exclusions()).singleElement().asString()
                .contains(CampaignTestBackends.NO_COS).contains("Cos").contains("excluded");
        assertThat(notes).isEqualTo(summary.exclusions());
        assertThat(summary.counts().findings()).isZero();
        assertThat(summary.counts().tested()).isPositive();
    }

    @Test
    void unknownOperatorsAndBackendsAreUserErrors() {
        assertThatThrownBy(() -> campaign(settings("onnxruntime", "x", 1).withOperators(List.of("Frobnicate")),
                generated()).run())
                .isInstanceOf(FuzzException.class).hasMessageContaining("unknown operator 'Frobnicate'");
        assertThatThrownBy(() -> campaign(settings(TestBackends.THROW, "y", 1), generated()).run())
                .isInstanceOf(FuzzException.class).hasMessageContaining("no chosen operator is supported");
    }
}
