package dev.crest.fuzz.worker;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.diff.Verdict;
import dev.crest.graph.Model;
import dev.crest.graph.example.ExampleModels;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures test cases per second through the worker path (reference + ONNX Runtime without and with
 * optimizations, each compiled and run in the worker) on the example MLP; not a test, run by hand:
 * {@code java -cp <test class path> dev.crest.fuzz.worker.WorkerThroughput [cases]}.
 */
public final class WorkerThroughput {
    private static final int WARM_UP = 50;

    private WorkerThroughput() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (WorkerProcess worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(30))) {
            DifferentialTester tester = new DifferentialTester(worker,
                    BackendRegistry.standard().expand(BackendRegistry.ONNXRUNTIME), Tolerance.DEFAULT);
            Model model = ExampleModels.mlp(1);
            // Inputs are drawn up front so the timing covers only the three backend runs and the comparison.
            List<TestCase> testCases = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < cases + WARM_UP; i++) {
                double[] values = random.doubles(ExampleModels.BATCH * ExampleModels.FEATURES, -1, 1).toArray();
                testCases.add(TestCase.of(model, Map.of("input", Tensor.fromDoubles(DType.FLOAT32,
                        Shape.of(ExampleModels.BATCH, ExampleModels.FEATURES), values)), i));
            }
            // Warm-up: worker start, class loading, ONNX Runtime's native library, JIT.
            testCases.subList(0, WARM_UP).forEach(tester::test);
            long start = System.nanoTime();
            int passed = 0;
            for (TestCase testCase : testCases.subList(WARM_UP, testCases.size())) {
                Verdict v = tester.test(testCase).verdict();
                passed += v.kind() == Verdict.Kind.PASS ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d cases (%d passed) in %.2f s: %.1f cases/s, %.2f ms per case (3 backend runs each)%n",
                    cases, passed, seconds, cases / seconds, 1000 * seconds / cases);
        }
    }
}
