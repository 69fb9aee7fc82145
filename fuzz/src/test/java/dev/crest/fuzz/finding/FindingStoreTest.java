package dev.crest.fuzz.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.testing.PlantedFindings;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.graph.Model;
import dev.crest.graph.example.ExampleModels;
import dev.crest.graph.onnx.TestDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Saving, reading back, rejecting and replaying findings. */
class FindingStoreTest {
    private static final List<TargetRun> PLANTED = List.of(TargetRun.of(OrtBackend.NO_OPT),
            TargetRun.optimized(TestBackends.PERTURBED_OPT, OrtBackend.NO_OPT));
    @RegisterExtension
    static final PlantedFindings findings = new PlantedFindings();

    @TempDir
    Path root;

    /** A real inconsistency from the planted optimization bug. */
    private static TestResult plantedInconsistency() {
        Model model = ExampleModels.mlp(11);
        TestDataSet data = ExampleModels.testData(model, 11);
        TestCase testCase = TestCase.of(model, data.inputs(), 11).withProvenance(Map.of("generator", "hand-built"));
        TestResult result = findings.test(testCase, PLANTED);
        assertThat(result.verdict().isFinding()).isTrue();
        return result;
    }

    private Path save(TestResult result) {
        return PlantedFindings.save(root, result, PLANTED, Map.of("timeout", "10 s"));
    }

    @Test
    void writesTheFindingFolderAndReadsItBackExactly() throws IOException {
        TestResult result = plantedInconsistency();
        Finding finding = result.verdict().finding().orElseThrow();

        Path folder = save(result);

        assertThat(folder.getFileName().toString()).isEqualTo("bug-inconsistency-verify-0");
        assertThat(Files.readAllBytes(folder.resolve("model.onnx"))).isEqualTo(result.testCase().modelBytes());
        assertThat(folder.resolve("test_data_set_0/input_0.pb")).isRegularFile();
        assertThat(folder.resolve("test_data_set_0/output_0.pb")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(folder.resolve("replay.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(folder.resolve("error.log"))).contains(finding.message());

        JsonNode meta = new ObjectMapper().readTree(folder.resolve("meta.json").toFile());
        assertThat(meta.get("symptom").asText()).isEqualTo("inconsistency");
        assertThat(meta.get("stage").asText()).isEqualTo("verify");
        assertThat(meta.get("backend").asText()).isEqualTo(TestBackends.PERTURBED_OPT);
        assertThat(meta.get("pair").get("kind").asText()).isEqualTo("opt-vs-noopt");
        assertThat(meta.get("seed").asLong()).isEqualTo(11);
        assertThat(meta.get("maxAbsError").asDouble()).isEqualTo(finding.maxAbsError());
        assertThat(meta.get("replay").asText()).isEqualTo("crest fuzz replay " + folder.toAbsolutePath());

        StoredFinding stored = FindingReader.read(folder);
        assertThat(stored.testCase().modelBytes()).isEqualTo(result.testCase().modelBytes());
        assertThat(stored.testCase().model()).isEqualTo(result.testCase().model());
        result.testCase().inputs().forEach((name, t) -> assertThat(stored.testCase().inputs().get(name).sameAs(t)).isTrue());
        result.testCase().referenceOutputs()
                .forEach((name, t) -> assertThat(stored.testCase().referenceOutputs().get(name).sameAs(t)).isTrue());
        assertThat(stored.meta().pairValue()).isEqualTo(finding.pair());
        assertThat(stored.meta().targetRuns()).isEqualTo(PLANTED);
        assertThat(stored.meta().tolerance()).isEqualTo(Tolerance.DEFAULT);
        assertThat(stored.meta().provenance()).containsEntry("generator", "hand-built");
        assertThat(stored.meta().options()).containsEntry("timeout", "10 s");
    }

    @Test
    void theLocalizationIsSavedInMetaJsonAndReadBack() throws IOException {
        TestResult result = plantedInconsistency();
        Finding finding = result.verdict().finding().orElseThrow();
        assertThat(finding.localization()).isPresent();

        Path folder = save(result);

        JsonNode json = new ObjectMapper().readTree(folder.resolve(FindingStore.META_FILE).toFile());
        assertThat(json.path("localization").path("node").path("operator").asText())
                .isEqualTo(finding.localization().get().node().operator());
        assertThat(json.path("localization").path("method").asText()).isEqualTo("intermediates");
        assertThat(FindingReader.read(folder).meta().localizationValue()).isEqualTo(finding.localization());
    }

    @Test
    void metadataWrittenBeforeLocalizationAndFloat16TolerancesStillReads() throws IOException {
        Path folder = save(plantedInconsistency());
        Path meta = folder.resolve(FindingStore.META_FILE);
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(meta.toFile());
        json.remove("localization");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("tolerance")).remove("float16Rtol");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("tolerance")).remove("float16Atol");
        Files.write(meta, new ObjectMapper().writeValueAsBytes(json));

        FindingMeta read = FindingReader.read(folder).meta();

        assertThat(read.localizationValue()).isEmpty();
        assertThat(read.tolerance()).isEqualTo(Tolerance.DEFAULT);
    }

    @Test
    void numbersFindingsOfTheSameKindAndLeavesNoTemporaryFolders() throws IOException {
        TestResult result = plantedInconsistency();
        save(result);
        save(result);
        TestCase testCase = result.testCase();
        Finding crash = new Finding(Symptom.CRASH, Stage.COMPILE, OrtBackend.OPT, "1.0", Optional.empty(), 0, 0,
                "the worker died", "segfault");
        new FindingStore(root).save(testCase, crash, PLANTED, Tolerance.DEFAULT, Map.of());

        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "bug-inconsistency-verify-0", "bug-inconsistency-verify-1", "bug-crash-compile-0");
        }
    }

    @Test
    void replaysAFindingThatStillReproduces() {
        Path folder = save(plantedInconsistency());

        Replay.Result replay = new Replay(findings.executor()).replay(folder);

        assertThat(replay.reproduced()).isTrue();
        assertThat(replay.summary()).startsWith("reproduced").contains(TestBackends.PERTURBED_OPT);
    }

    @Test
    void replaySaysWhenAFindingNoLongerReproduces() {
        TestResult result = plantedInconsistency();
        Finding claimed = new Finding(Symptom.INCONSISTENCY, Stage.VERIFY, OrtBackend.OPT, "1.0",
                Optional.of(new DivergingPair(OrtBackend.OPT, OrtBackend.NO_OPT, DivergingPair.Kind.OPT_VS_NOOPT)),
                1, 1, "claimed", "");
        List<TargetRun> healthy = List.of(TargetRun.of(OrtBackend.NO_OPT),
                TargetRun.optimized(OrtBackend.OPT, OrtBackend.NO_OPT));
        Path folder = new FindingStore(root).save(result.testCase(), claimed, healthy, Tolerance.DEFAULT, Map.of());

        Replay.Result replay = new Replay(findings.executor()).replay(folder);

        assertThat(replay.reproduced()).isFalse();
        assertThat(replay.summary()).contains("did not reproduce", "all backends agree");
    }

    @Test
    void rejectsAFolderWithoutItsModel() throws IOException {
        Path folder = save(plantedInconsistency());
        Files.delete(folder.resolve("model.onnx"));

        assertThatThrownBy(() -> FindingReader.read(folder)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("model").hasMessageNotContaining("\n");
    }

    @Test
    void aMovedFindingIsRepointedAndKeepsEverythingElse() throws IOException {
        Path saved = save(plantedInconsistency());
        // A case inside the finding with a meta.json of its own, as a reduction writes one.
        Files.createDirectories(saved.resolve("reduced"));
        Files.copy(saved.resolve(FindingStore.META_FILE), saved.resolve("reduced").resolve(FindingStore.META_FILE));
        JsonNode before = new ObjectMapper().readTree(saved.resolve(FindingStore.META_FILE).toFile());
        Path moved = Files.createDirectories(root.resolve("published")).resolve(saved.getFileName());
        Files.move(saved, moved);

        FindingStore.repointReplayCommands(root.resolve("published"));

        JsonNode after = new ObjectMapper().readTree(moved.resolve(FindingStore.META_FILE).toFile());
        assertThat(after.get("replay").asText()).isEqualTo("crest fuzz replay " + moved.toAbsolutePath());
        assertThat(FindingReader.readMeta(moved.resolve("reduced")).replay())
                .isEqualTo("crest fuzz replay " + moved.resolve("reduced").toAbsolutePath());
        ((com.fasterxml.jackson.databind.node.ObjectNode) after).remove("replay");
        ((com.fasterxml.jackson.databind.node.ObjectNode) before).remove("replay");
        assertThat(after).isEqualTo(before);
        assertThat(new Replay(findings.executor()).replay(moved).reproduced()).isTrue();
    }

    @Test
    void aFindingAboutToBeMovedIsRepointedAtItsDestinationAndItsScriptNeedsNothing() throws IOException {
        Path saved = save(plantedInconsistency());
        Files.createDirectories(saved.resolve("reduced"));
        Files.copy(saved.resolve(FindingStore.META_FILE), saved.resolve("reduced").resolve(FindingStore.META_FILE));
        String script = Files.readString(saved.resolve(FindingStore.REPLAY_SCRIPT));
        Path destination = root.resolve("merged").resolve("bug-inconsistency-verify-3").toAbsolutePath();

        FindingStore.repointReplayCommands(saved, destination);

        assertThat(FindingReader.readMeta(saved).replay()).isEqualTo("crest fuzz replay " + destination);
        assertThat(FindingReader.readMeta(saved.resolve("reduced")).replay())
                .isEqualTo("crest fuzz replay " + destination.resolve("reduced"));
        // The script finds its folder by itself, so it names no path that a move could make stale.
        assertThat(Files.readString(saved.resolve(FindingStore.REPLAY_SCRIPT))).isEqualTo(script)
                .doesNotContain(root.toString());
    }

    @Test
    void rejectsCorruptedMetadata() throws IOException {
        Path folder = save(plantedInconsistency());
        Files.writeString(folder.resolve("meta.json"), "{\"symptom\": \"inconsistency\", ");

        assertThatThrownBy(() -> FindingReader.read(folder)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("corrupted metadata").hasMessageNotContaining("\n");
    }

    @Test
    void rejectsMetadataWithAnUnknownSymptom() throws IOException {
        Path folder = save(plantedInconsistency());
        String meta = Files.readString(folder.resolve("meta.json"));
        Files.writeString(folder.resolve("meta.json"), meta.replace("\"inconsistency\"", "\"explosion\""));

        assertThatThrownBy(() -> FindingReader.read(folder)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("invalid metadata");
    }

    @Test
    void rejectsATruncatedTensor() throws IOException {
        Path folder = save(plantedInconsistency());
        Path input = folder.resolve("test_data_set_0/input_0.pb");
        byte[] bytes = Files.readAllBytes(input);
        Files.write(input, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> FindingReader.read(folder)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("test data").hasMessageNotContaining("\n");
    }

    @Test
    void rejectsAMissingFolder() {
        assertThatThrownBy(() -> FindingReader.read(root.resolve("bug-crash-compile-9")))
                .isInstanceOf(FuzzException.class).hasMessageContaining("does not exist");
    }
}
