package dev.crest.fuzz.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendRef;
import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.OrtBackend;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.campaign.Campaign;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.PreparedCase;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.diff.Verdict;
import dev.crest.fuzz.testing.TestModels;
import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers launched with an older ONNX Runtime release from the local Maven repository (downloaded by Maven on the
 * first run of this test on a machine, then cached), next to the release on Crest's class path.
 */
class VersionRoutingExecutorTest {
    /** An old release whose jar is among the smallest (46 MB) that still run Crest's ONNX Runtime adapter. */
    static final String OLD = "1.10.0";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final double LN3 = Math.log(3);

    private static VersionRoutingExecutor executor;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        executor = VersionRoutingExecutor.isolated(TIMEOUT);
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    /** {@code Sigmoid(x)} at opset 13 and IR 7, which every release since 1.8 reads. */
    static byte[] sigmoid(int n) {
        Model model = TestModels.unary("Sigmoid", DType.FLOAT32, n).toBuilder().clearOpsets().opset("", 13)
                .irVersion(7).build();
        return OnnxModels.toBytes(model);
    }

    static Map<String, Tensor> sigmoidInput() {
        return Map.of("x", Tensor.fromDoubles(DType.FLOAT32, Shape.of(3), new double[] {0, LN3, -LN3}));
    }

    @Test
    void aPinnedBackendRunsInAWorkerOnThatReleasesJar() {
        String pinned = BackendRef.pinned(OrtBackend.OPT, OLD);

        assertThat(executor.version(pinned)).isEqualTo(OLD);
        RunOutcome outcome = executor.execute(pinned, sigmoid(3), sigmoidInput());

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.OK);
        assertThat(outcome.backend()).isEqualTo(pinned);
        assertThat(outcome.version()).isEqualTo(OLD);
        // sigmoid(0) = 1/2, sigmoid(ln 3) = 3/4, sigmoid(-ln 3) = 1/4.
        Tensor expected = Tensor.fromDoubles(DType.FLOAT32, Shape.of(3), new double[] {0.5, 0.75, 0.25});
        assertThat(new Closeness(1e-6, 1e-6).allClose(outcome.outputs().get("y"), expected)).isTrue();
    }

    @Test
    void thePinnedWorkerLoadsTheOldReleasesNativeLibrary() {
        // Whether a model's opset is accepted is decided in native code: 1.10's library stops at opset 15, while the
        // release on Crest's class path reads opset 17.
        byte[] opset17 = OnnxModels.toBytes(TestModels.unary("Sigmoid", DType.FLOAT32, 3).toBuilder().clearOpsets()
                .opset("", 17).irVersion(8).build());

        RunOutcome old = executor.execute(BackendRef.pinned(OrtBackend.NO_OPT, OLD), opset17, sigmoidInput());
        RunOutcome current = executor.execute(OrtBackend.NO_OPT, opset17, sigmoidInput());

        assertThat(old.status()).isEqualTo(RunOutcome.Status.EXCEPTION);
        assertThat(old.message()).contains("support for domain ai.onnx is till opset 15");
        assertThat(current.status()).as(current.message()).isEqualTo(RunOutcome.Status.OK);
    }

    @Test
    void twoReleasesAreComparedInOneTestEachInItsOwnWorker() {
        List<TargetRun> runs = BackendRegistry.standard().expandAll(List.of("onnxruntime@" + OLD, "onnxruntime"));
        assertThat(runs).extracting(TargetRun::backend).containsExactly("onnxruntime-noopt@" + OLD,
                "onnxruntime-opt@" + OLD, OrtBackend.NO_OPT, OrtBackend.OPT);

        TestResult result = new DifferentialTester(executor, runs, Tolerance.DEFAULT)
                .test(TestCase.of(TestModels.unary("Sigmoid", DType.FLOAT32, 3).toBuilder().clearOpsets()
                        .opset("", 13).irVersion(7).build(), sigmoidInput(), 1));

        assertThat(result.verdict().kind()).as(result.verdict().toString()).isEqualTo(Verdict.Kind.PASS);
        assertThat(result.runs().get("onnxruntime-noopt@" + OLD).version()).isEqualTo(OLD);
        assertThat(result.runs().get(OrtBackend.OPT).version()).isEqualTo(OrtRunner.version());
        assertThat(executor.workerCount()).isEqualTo(2);
    }

    @Test
    void aCampaignComparesTwoReleasesThroughItsStandardExecutor() {
        CampaignSettings settings = CampaignSettings.defaults(dir.resolve("out"))
                .withBackends(List.of("onnxruntime@" + OLD, "onnxruntime")).withMaxModels(OptionalLong.of(2));
        Model model = TestModels.unary("Sigmoid", DType.FLOAT32, 3).toBuilder().clearOpsets().opset("", 13)
                .irVersion(7).build();

        CampaignSummary summary = new Campaign(settings, Campaign.isolatedWorker(),
                (s, e, runs, exclusions) -> seed -> PreparedCase.of(seed, TestCase.of(model, sigmoidInput(), seed),
                        true, Duration.ZERO, Duration.ZERO)).run();

        assertThat(summary.backendVersions()).containsEntry("onnxruntime-opt@" + OLD, OLD)
                .containsEntry(OrtBackend.OPT, OrtRunner.version());
        assertThat(summary.counts().passed()).isEqualTo(2);
    }

    @Test
    void anOverrideMovesEveryBackendOfTheEngineToItsRelease() {
        try (VersionRoutingExecutor moved = VersionRoutingExecutor.isolated(TIMEOUT,
                Optional.of(BackendRef.parse("onnxruntime@" + OLD)))) {
            RunOutcome outcome = moved.execute(OrtBackend.NO_OPT, sigmoid(3), sigmoidInput());

            assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.OK);
            assertThat(outcome.backend()).isEqualTo(OrtBackend.NO_OPT);
            assertThat(outcome.version()).isEqualTo(OLD);
            assertThat(moved.version("onnxruntime-opt@1.23.2")).isEqualTo(OLD);
        }
    }

    @Test
    void aReleaseMissingFromMavenCentralIsAOneLineError() {
        assertThatThrownBy(() -> executor.version(BackendRef.pinned(OrtBackend.OPT, "9.9.9")))
                .isInstanceOf(FuzzException.class)
                .hasMessage("onnxruntime@9.9.9: no such release on Maven Central"
                        + " (com.microsoft.onnxruntime:onnxruntime:9.9.9 does not exist)");
    }

    @Test
    void onlyOnnxRuntimeCanBePinned() {
        assertThatThrownBy(() -> executor.version("reference@1.0")).isInstanceOf(FuzzException.class)
                .hasMessageContaining("only onnxruntime can be pinned");
    }
}
