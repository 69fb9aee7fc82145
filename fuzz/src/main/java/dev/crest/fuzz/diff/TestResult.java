package dev.crest.fuzz.diff;

import dev.crest.fuzz.backend.RunOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link DifferentialTester} returns for one case: the verdict, the case with its reference outputs filled
 * in (what a finding store saves), and every backend run's outcome by backend name.
 *
 * @param testCase the tested case, with reference outputs when the reference succeeded
 * @param verdict pass, dropped or finding
 * @param runs each run's outcome, in the order run (the reference first when it was run)
 */
public record TestResult(TestCase testCase, Verdict verdict, Map<String, RunOutcome> runs) {
    public TestResult {
        runs = Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    }
}
