package dev.crest.fuzz.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.graph.Model;
import dev.crest.graph.example.ExampleModels;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.TestDataSet;
import dev.crest.tensor.Closeness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Healthy workers retired when their resident memory grows, and kept when it does not. */
class WorkerRecyclingTest {
    private static final Model MLP = ExampleModels.mlp(3);
    private static final TestDataSet DATA = ExampleModels.testData(MLP, 3);
    private static final byte[] MLP_BYTES = OnnxModels.toBytes(MLP);
    private static final int RUNS = 40;
    /** Baseline after 3 requests, a reading after every request, retirement past 64 MiB of growth. */
    private static final WorkerRecycling EAGER = new WorkerRecycling(3, 1, 64 * 1024);

    private static void runCorrectly(WorkerProcess worker, String backend) {
        RunOutcome outcome = worker.execute(backend, MLP_BYTES, DATA.inputs());
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.OK);
        assertThat(new Closeness(1e-6, 1e-5).allClose(outcome.outputs().get("probabilities"),
                DATA.outputs().get("probabilities"))).isTrue();
    }

    @Test
    void aWorkerThatKeepsGrowingIsReplacedAndEveryRequestIsStillAnswered() {
        try (WorkerProcess worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(30), EAGER)) {
            for (int i = 0; i < RUNS; i++) {
                runCorrectly(worker, TestBackends.GROWING);
            }
            // 4 MiB a run: a worker passes 64 MiB over its baseline at the latest 17 runs past it, so 40 runs
            // retire one or two workers (the JVM's own memory moves a little too).
            assertThat(worker.retiredWorkers()).isBetween(1, 2);
            assertThat(worker.starts()).isBetween(worker.retiredWorkers(), worker.retiredWorkers() + 1);
        }
    }

    @Test
    void aWorkerThatStaysFlatIsKept() {
        try (WorkerProcess worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(30), EAGER)) {
            for (int i = 0; i < RUNS; i++) {
                runCorrectly(worker, ReferenceBackend.NAME);
            }
            assertThat(worker.retiredWorkers()).isZero();
            assertThat(worker.starts()).isEqualTo(1);
        }
    }

    @Test
    void readingsStartAfterTheWarmUpAndFollowTheirPeriod() {
        WorkerRecycling policy = new WorkerRecycling(10, 5, 1);
        assertThat(policy.readingDue(9)).isFalse();
        assertThat(policy.readingDue(10)).isTrue();
        assertThat(policy.readingDue(14)).isFalse();
        assertThat(policy.readingDue(15)).isTrue();
        assertThat(WorkerRecycling.NEVER.readingDue(Integer.MAX_VALUE - 1L)).isFalse();
        assertThatThrownBy(() -> new WorkerRecycling(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
