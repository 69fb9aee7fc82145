package dev.crest.fuzz.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.diff.Verdict;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.fuzz.testing.TestModels;
import dev.crest.graph.Model;
import dev.crest.graph.example.ExampleModels;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.TestDataSet;
import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The isolated worker on real backends, and its recovery from a real crash and a real hang. */
class WorkerProcessTest {
    private static final Model MLP = ExampleModels.mlp(3);
    private static final TestDataSet DATA = ExampleModels.testData(MLP, 3);
    private static final byte[] MLP_BYTES = OnnxModels.toBytes(MLP);

    private static WorkerProcess worker;

    @BeforeAll
    static void start() {
        // A fresh worker's loading and first run have their own start-up limit, so a short timeout (generous for
        // the warm runs here, even on a busy machine) keeps the hang test quick.
        worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    private static void assertRunsTheMlp(String backend) {
        RunOutcome outcome = worker.execute(backend, MLP_BYTES, DATA.inputs());
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.OK);
        Tensor expected = DATA.outputs().get("probabilities");
        assertThat(new Closeness(1e-6, 1e-5).allClose(outcome.outputs().get("probabilities"), expected)).isTrue();
    }

    @Test
    void runsEveryBuiltInBackendInTheWorker() {
        assertRunsTheMlp(ReferenceBackend.NAME);
        assertRunsTheMlp(OrtBackend.NO_OPT);
        assertRunsTheMlp(OrtBackend.OPT);
        assertThat(worker.version(OrtBackend.OPT)).isEqualTo(OrtRunner.version());
    }

    @Test
    void reportsABackendExceptionWithItsStageWithoutLosingTheWorker() {
        int starts = worker.starts();
        Model cos = TestModels.unary("Cos", DType.FLOAT64, 2);

        RunOutcome outcome = worker.execute(OrtBackend.NO_OPT, OnnxModels.toBytes(cos), TestModels.input(DType.FLOAT64, 0, 1));

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.EXCEPTION);
        assertThat(outcome.stage()).isEqualTo(Stage.COMPILE);
        assertThat(outcome.message()).contains("Cos");
        assertThat(worker.starts()).isLessThanOrEqualTo(Math.max(starts, 1));
    }

    @Test
    void survivesAWorkerThatHaltsTheJvm() {
        assertRunsTheMlp(ReferenceBackend.NAME);
        int starts = worker.starts();

        RunOutcome crash = worker.execute(TestBackends.CRASH, MLP_BYTES, DATA.inputs());

        assertThat(crash.status()).isEqualTo(RunOutcome.Status.CRASH);
        assertThat(crash.stage()).isEqualTo(Stage.COMPILE);
        assertThat(crash.message()).contains("exit code 134", TestBackends.CRASH);
        assertThat(crash.errorLog()).contains(TestBackends.LAST_WORDS);
        assertRunsTheMlp(OrtBackend.OPT);
        assertThat(worker.starts()).isEqualTo(starts + 1);
    }

    @Test
    void killsAndReplacesAWorkerThatHangs() {
        assertRunsTheMlp(ReferenceBackend.NAME);
        int starts = worker.starts();

        RunOutcome hang = worker.execute(TestBackends.HANG, MLP_BYTES, DATA.inputs());

        assertThat(hang.status()).isEqualTo(RunOutcome.Status.TIMEOUT);
        assertThat(hang.stage()).isEqualTo(Stage.EXECUTE);
        assertThat(hang.message()).contains("5 s", TestBackends.HANG);
        assertRunsTheMlp(ReferenceBackend.NAME);
        assertThat(worker.starts()).isEqualTo(starts + 1);
    }

    @Test
    void libraryOutputOnStdoutDoesNotCorruptTheProtocol() {
        assertRunsTheMlp(TestBackends.CHATTY);
        assertRunsTheMlp(ReferenceBackend.NAME);
    }

    @Test
    void carriesAThrownExceptionsStackTrace() {
        RunOutcome outcome = worker.execute(TestBackends.THROW, MLP_BYTES, Map.of());

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.EXCEPTION);
        assertThat(outcome.message()).contains("planted compile failure");
        assertThat(outcome.errorLog()).contains("IllegalStateException", "TestBackends");
    }

    @Test
    void findsAPlantedOptimizationBugThroughTheWorker() {
        List<TargetRun> runs = List.of(TargetRun.of(OrtBackend.NO_OPT),
                TargetRun.optimized(TestBackends.PERTURBED_OPT, OrtBackend.NO_OPT));
        DifferentialTester tester = new DifferentialTester(worker, runs, Tolerance.DEFAULT);

        TestResult clean = new DifferentialTester(worker, BackendRegistry.standard().expand("onnxruntime"),
                Tolerance.DEFAULT).test(TestCase.of(MLP, DATA.inputs(), 3));
        TestResult planted = tester.test(TestCase.of(MLP, DATA.inputs(), 3));

        assertThat(clean.verdict().kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(planted.verdict().finding().orElseThrow().pair().orElseThrow().kind())
                .isEqualTo(DivergingPair.Kind.OPT_VS_NOOPT);
    }

    @Test
    void anUnknownBackendIsAUserError() {
        assertThatThrownBy(() -> worker.execute("no-such-backend", MLP_BYTES, DATA.inputs()))
                .isInstanceOf(FuzzException.class)
                .hasMessageContaining("unknown backend 'no-such-backend'");
        assertRunsTheMlp(ReferenceBackend.NAME);
    }
}
