package dev.crest.fuzz.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.finding.Replay;
import dev.crest.fuzz.finding.StoredFinding;
import dev.crest.fuzz.testing.MiscomputingBackends;
import dev.crest.fuzz.testing.PlantedFindings;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.TestDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A reduction written beside its finding is a finding folder of its own that replays. */
class ReducedCaseWriterTest {
    private static final List<TargetRun> RUNS = List.of(TargetRun.of(MiscomputingBackends.EXACT),
            TargetRun.optimized(MiscomputingBackends.WRONG_TANH, MiscomputingBackends.EXACT));

    @RegisterExtension
    static final PlantedFindings findings = new PlantedFindings();

    @TempDir
    Path root;

    /** Saves the ten-node finding, then reduces it as read back from its folder. */
    private ReductionResult reduceSaved(Path[] folder) {
        TestResult result = findings.test(TestCase.of(TenNodeModel.model(), TenNodeModel.inputs(), 7), RUNS);
        Finding finding = result.verdict().finding().orElseThrow();
        folder[0] = PlantedFindings.save(root, result, RUNS, Map.of());
        StoredFinding stored = FindingReader.read(folder[0]);
        return new Reducer(findings.executor(), stored.meta().targetRuns(), stored.meta().tolerance())
                .reduce(stored.testCase(), finding, Duration.ofMinutes(5));
    }

    @Test
    void writesAReducedFolderThatReplays() throws IOException {
        Path[] folder = new Path[1];
        ReductionResult result = reduceSaved(folder);

        Path reduced = ReducedCaseWriter.write(folder[0], result);

        assertThat(reduced).isEqualTo(folder[0].resolve("reduced"));
        assertThat(OnnxModels.read(reduced.resolve("model.onnx")).graph().nodes()).hasSize(result.nodesAfter());
        TestDataSet data = TestDataSet.read(reduced.resolve("test_data_set_0"), result.reduced().model());
        assertThat(data.inputs().keySet()).isEqualTo(result.reduced().inputs().keySet());
        JsonNode record = new ObjectMapper().readTree(reduced.resolve("reduction.json").toFile());
        assertThat(record.get("nodesBefore").asInt()).isEqualTo(10);
        assertThat(record.get("nodesAfter").asInt()).isEqualTo(result.nodesAfter());
        assertThat(record.get("operators").get(0).asText()).isEqualTo("Tanh");
        assertThat(record.get("attempts").asInt()).isEqualTo(result.attempts());
        assertThat(record.get("elapsedSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        JsonNode meta = new ObjectMapper().readTree(reduced.resolve("meta.json").toFile());
        assertThat(meta.get("replay").asText()).endsWith(reduced.getFileName().toString());

        Replay.Result replay = new Replay(findings.executor()).replay(reduced);

        assertThat(replay.reproduced()).as(replay.summary()).isTrue();
    }

    @Test
    void writingAgainReplacesTheEarlierReductionAndLeavesNoTemporaryFolders() throws IOException {
        Path[] folder = new Path[1];
        ReductionResult result = reduceSaved(folder);
        Path reduced = ReducedCaseWriter.write(folder[0], result);
        Files.writeString(reduced.resolve("stale.txt"), "from an earlier run");

        ReducedCaseWriter.write(folder[0], result);

        assertThat(reduced.resolve("stale.txt")).doesNotExist();
        assertThat(reduced.resolve("model.onnx")).exists();
        try (Stream<Path> entries = Files.list(folder[0])) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aFolderWithoutAFindingIsAUserError() {
        Path[] folder = new Path[1];
        ReductionResult result = reduceSaved(folder);

        assertThatThrownBy(() -> ReducedCaseWriter.write(root.resolve("elsewhere"), result))
                .isInstanceOf(FuzzException.class).hasMessageContaining("meta.json");
    }
}
