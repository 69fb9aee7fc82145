package dev.crest.fuzz.worker;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.diff.Verdict;
import dev.crest.graph.Model;
import dev.crest.graph.example.ExampleModels;
import java.time.Duration;

/**
 * Measures test cases per second through the worker path (reference + ONNX Runtime without and with
 * optimizations, each compiled and run in the worker) on the example MLP; not a test, run by hand:
 * {@code java -cp <test class path> dev.crest.fuzz.worker.WorkerThroughput [cases]}.
 */
public final class WorkerThroughput {
    private WorkerThroughput() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (WorkerProcess worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(30))) {
            DifferentialTester tester = new DifferentialTester(worker,
                    BackendRegistry.standard().expand(BackendRegistry.ONNXRUNTIME), Tolerance.DEFAULT);
            Model model = ExampleModels.mlp(1);
            // Warm-up: worker start, class loading, ONNX Runtime's native library.
            for (int i = 0; i < 20; i++) {
                tester.test(TestCase.of(model, ExampleModels.testData(model, i).inputs(), i));
            }
            long start = System.nanoTime();
            int passed = 0;
            for (int i = 0; i < cases; i++) {
                Verdict v = tester.test(TestCase.of(model, ExampleModels.testData(model, i).inputs(), i)).verdict();
                passed += v.kind() == Verdict.Kind.PASS ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d cases (%d passed) in %.2f s: %.1f cases/s, %.2f ms per case (3 backend runs each)%n",
                    cases, passed, seconds, cases / seconds, 1000 * seconds / cases);
        }
    }
}
