package dev.crest.fuzz.testing;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.InProcessExecutor;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.finding.FindingStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Findings the bugs planted in {@link TestBackends} and {@link MiscomputingBackends} really produce, tested in this
 * process and saved as a campaign saves them: the fixture of the finding, localization and reduction tests.
 * Registered on a static {@code @RegisterExtension} field, it opens one in-process executor before the test class
 * (before its own {@code @BeforeAll} methods) and closes it after.
 */
public final class PlantedFindings implements BeforeAllCallback, AfterAllCallback {
    private InProcessExecutor executor;

    @Override
    public void beforeAll(ExtensionContext context) {
        executor = new InProcessExecutor(BackendRegistry.standard());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        executor.close();
    }

    /** The executor the backends run in. */
    public InProcessExecutor executor() {
        return executor;
    }

    /** The differential tester over {@code runs} with the default tolerance. */
    public DifferentialTester tester(List<TargetRun> runs) {
        return new DifferentialTester(executor, runs, Tolerance.DEFAULT);
    }

    /** {@code testCase} tested on {@code runs} with the default tolerance. */
    public TestResult test(TestCase testCase, List<TargetRun> runs) {
        return tester(runs).test(testCase);
    }

    /**
     * Saves the finding of {@code result} (tested on {@code runs} with the default tolerance) under {@code root} and
     * returns its folder; fails when the result is no finding.
     */
    public static Path save(Path root, TestResult result, List<TargetRun> runs, Map<String, String> options) {
        return new FindingStore(root).save(result.testCase(), result.verdict().finding().orElseThrow(), runs,
                Tolerance.DEFAULT, options);
    }
}
