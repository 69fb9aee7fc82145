package dev.crest.fuzz.localize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.testing.MiscomputingBackends;
import dev.crest.fuzz.worker.WorkerLauncher;
import dev.crest.fuzz.worker.WorkerProcess;
import dev.crest.tensor.DType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Localization through the isolated worker process, as campaigns and replays run it. */
class WorkerLocalizationTest {
    @Test
    void theWorkerRunsTheExposedModelOnBothSidesAndTheNodeIsFound() {
        try (WorkerProcess worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(30))) {
            Finding finding = new DifferentialTester(worker, List.of(TargetRun.of(MiscomputingBackends.SIGMOID_PLUS_ONE)),
                    Tolerance.DEFAULT).test(TestCase.of(LocalizerTest.chain(DType.FLOAT32, true),
                            LocalizerTest.inputs(DType.FLOAT32, 2), 5)).verdict().finding().orElseThrow();

            assertThat(finding.localization()).hasValueSatisfying(where -> {
                assertThat(where.node().name()).isEqualTo("n1");
                assertThat(where.operatorWithDtype()).isEqualTo("Sigmoid(float32)");
            });
        }
    }
}
