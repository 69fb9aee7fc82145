package dev.crest.ame.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.ame.data.Outcome;
import dev.crest.ame.data.Queries;
import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.tensor.data.Dataset;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final int SUBMODELS = 12;
    private static final long RUN_SEED = 2024;

    @TempDir
    Path dir;

    private final Dataset data = SubmodelRunnerTest.points(40);
    private final Queries queries = Queries.rows(data, new int[] {0, 3, 8});
    private final Outcome outcome = Outcome.parse("prob:target=1");
    private final Learner learner = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(15));
    private final SubsetPlan plan = TestPlans.bernoulli(40, 11);
    private final CheckpointHeader header = new CheckpointHeader(RUN_SEED, 40, queries.describe(), queries.size(),
            "logreg steps=15", outcome.spec(), "0.2,0.4,0.6,0.8");

    private SubmodelRunner runner() {
        return new SubmodelRunner(learner, data, 2, queries, outcome, 2);
    }

    /** Thrown by the sink to stop a run the way a kill would, after some records are on disk. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void runKilledMidwayThenResumedGivesTheIdenticalOutcomesMatrix() throws IOException {
        Path whole = dir.resolve("whole.ckpt");
        try (Checkpoint checkpoint = Checkpoint.create(whole, header)) {
            runner().run(plan, 0, SUBMODELS, RUN_SEED, j -> false, checkpoint::append, p -> { }).throwIfFailed();
        }
        List<SubmodelResult> expected = Checkpoint.read(whole).byIndex();
        assertThat(expected).extracting(SubmodelResult::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        Path interrupted = dir.resolve("interrupted.ckpt");
        int[] written = {0};
        try (Checkpoint checkpoint = Checkpoint.create(interrupted, header)) {
            assertThatThrownBy(() -> runner().run(plan, 0, SUBMODELS, RUN_SEED, j -> false, result -> {
                checkpoint.append(result);
                if (++written[0] == 5) {
                    throw new Killed();
                }
            }, p -> { })).isInstanceOf(Killed.class);
        }
        // The kill lands in the middle of writing the fifth record: cut it in half.
        long size = Files.size(interrupted);
        String text = Files.readString(interrupted);
        int lastRecordStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        try (FileChannel channel = FileChannel.open(interrupted, StandardOpenOption.WRITE)) {
            channel.truncate(lastRecordStart + (size - lastRecordStart) / 2);
        }
        assertThat(Checkpoint.read(interrupted).records()).hasSize(4);

        try (Checkpoint checkpoint = Checkpoint.resume(interrupted, header)) {
            assertThat(checkpoint.finished()).hasSize(4);
            RunSummary summary = runner().run(plan, 0, SUBMODELS, RUN_SEED, checkpoint.finishedIndices()::get,
                    checkpoint::append, p -> { });
            assertThat(summary.skipped()).isEqualTo(4);
            assertThat(summary.trained()).isEqualTo(8);
        }
        List<SubmodelResult> resumed = Checkpoint.read(interrupted).byIndex();
        assertThat(resumed).hasSize(SUBMODELS);
        for (int j = 0; j < SUBMODELS; j++) {
            assertThat(resumed.get(j).index()).isEqualTo(j);
            assertThat(resumed.get(j).probability()).isEqualTo(expected.get(j).probability());
            assertThat(resumed.get(j).outcomes()).containsExactly(expected.get(j).outcomes());
        }
    }

    @Test
    void resumeRefusesAHeaderThatDoesNotMatchTheRun() {
        Path file = dir.resolve("run.ckpt");
        Checkpoint.create(file, header).close();
        CheckpointHeader otherOutcome = new CheckpointHeader(RUN_SEED, 40, queries.describe(), queries.size(),
                "logreg steps=15", "loss", "0.2,0.4,0.6,0.8");
        assertThatThrownBy(() -> Checkpoint.resume(file, otherOutcome)).isInstanceOf(AmeException.class)
                .hasMessageContaining("outcome=prob:target=1").hasMessageContaining("outcome=loss");
        CheckpointHeader otherSeed = new CheckpointHeader(RUN_SEED + 1, 40, queries.describe(), queries.size(),
                "logreg steps=15", outcome.spec(), "0.2,0.4,0.6,0.8");
        assertThatThrownBy(() -> Checkpoint.resume(file, otherSeed)).isInstanceOf(AmeException.class)
                .hasMessageContaining("seed=");
    }

    @Test
    void createRefusesAnExistingFileAndResumeOfAMissingFileStartsFresh() {
        Path file = dir.resolve("run.ckpt");
        try (Checkpoint fresh = Checkpoint.resume(file, header)) {
            assertThat(fresh.finished()).isEmpty();
            fresh.append(new SubmodelResult(4, 0.6, new double[] {0.1, 1e-300, -0.0}));
        }
        assertThatThrownBy(() -> Checkpoint.create(file, header)).isInstanceOf(AmeException.class)
                .hasMessageContaining("already exists");
        SubmodelResult back = Checkpoint.read(file).records().get(0);
        assertThat(back.index()).isEqualTo(4);
        assertThat(back.outcomes()).containsExactly(0.1, 1e-300, -0.0);
    }

    @Test
    void corruptMiddleRecordsForeignFilesAndCutHeadersAreErrors() throws IOException {
        Path file = dir.resolve("run.ckpt");
        try (Checkpoint checkpoint = Checkpoint.create(file, header)) {
            checkpoint.append(new SubmodelResult(0, 0.2, new double[] {1, 2, 3}));
            checkpoint.append(new SubmodelResult(1, 0.4, new double[] {4, 5, 6}));
        }
        String text = Files.readString(file);
        Files.writeString(file, text.replace("0,0.2,1.0,2.0,3.0\n", "0,0.2,1.0\n"));
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(AmeException.class)
                .hasMessageContaining("malformed record");
        Files.writeString(file, "hello\n");
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(AmeException.class)
                .hasMessageContaining("not a crest ame checkpoint");
        Files.writeString(file, text.substring(0, text.indexOf("learner")));
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(AmeException.class)
                .hasMessageContaining("no complete header");
    }
}
