package dev.crest.fuzz.finding;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.diff.DifferentialTester;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.TestResult;
import dev.crest.fuzz.localize.Localization;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Re-runs a saved finding on the backends it was found with, against its saved reference outputs, and says
 * whether it still reproduces: the same symptom at the same stage on the same backend (and, for an
 * inconsistency, the same kind of diverging pair).
 */
public final class Replay {
    private final BackendExecutor executor;

    /** A replayer running backends through {@code executor} (the isolated worker for anything native). */
    public Replay(BackendExecutor executor) {
        this.executor = executor;
    }

    /** What a replay found. */
    public record Result(StoredFinding stored, TestResult rerun, boolean reproduced) {
        /** A one-line summary for the terminal. */
        public String summary() {
            String was = stored.meta().symptom() + " at " + stored.meta().stage() + " on " + stored.meta().backend();
            if (reproduced) {
                return "reproduced: " + rerun.verdict().finding().map(Finding::message).orElse(was);
            }
            return "did not reproduce the " + was + "; now: " + rerun.verdict().finding().map(Finding::message)
                    .orElse(rerun.verdict().kind() == dev.crest.fuzz.diff.Verdict.Kind.PASS ? "all backends agree"
                            : "dropped (" + rerun.verdict().reason() + ")");
        }

        /** The localization of the finding as re-run, or else as saved. */
        public Optional<Localization> localization() {
            return rerun.verdict().finding().flatMap(Finding::localization)
                    .or(() -> stored.meta().localizationValue());
        }

        /** The summary, then the localization on a second line when there is one. */
        public String report() {
            return summary() + localization().map(l -> "\n" + l.summary() + details(l)).orElse("");
        }

        private static String details(Localization l) {
            if (!l.localized()) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            l.node().inputs().forEach(v -> text.append("\n  input  ").append(v.name()).append(": ").append(v.type()));
            l.node().outputs().forEach(v -> text.append("\n  output ").append(v.name()).append(": ").append(v.type()));
            l.node().attributes().forEach((k, v) -> text.append("\n  attribute ").append(k).append(" = ").append(v));
            if (l.inputMaxAbsError() > 0) {
                text.append(String.format(java.util.Locale.ROOT, "\n  inputs already differ: max abs error %.3g, "
                        + "max rel error %.3g", l.inputMaxAbsError(), l.inputMaxRelError()));
            }
            if (!l.detail().isEmpty()) {
                text.append("\n  first difference: ").append(l.detail());
            }
            return text.toString();
        }
    }

    /** Replays the finding in {@code folder}. */
    public Result replay(Path folder) {
        return replay(FindingReader.read(folder));
    }

    /** Replays a finding already read from its folder. */
    public Result replay(StoredFinding stored) {
        DifferentialTester tester = new DifferentialTester(executor, stored.meta().targetRuns(), stored.meta().tolerance());
        TestResult rerun = tester.test(stored.testCase());
        Optional<Finding> now = rerun.verdict().finding();
        boolean reproduced = now.isPresent()
                && now.get().symptom() == stored.meta().symptomValue()
                && now.get().stage() == stored.meta().stageValue()
                && now.get().backend().equals(stored.meta().backend())
                && now.get().pair().map(p -> p.kind()).equals(stored.meta().pairValue().map(p -> p.kind()));
        return new Result(stored, rerun, reproduced);
    }
}
