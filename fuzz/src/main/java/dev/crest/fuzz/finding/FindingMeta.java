package dev.crest.fuzz.finding;

import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.localize.Localization;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code meta.json} of a saved finding: what was found (symptom, stage, backend and version, diverging pair,
 * errors), how it was tested (the runs, the tolerance, options) and how to re-create and replay it (seed,
 * provenance, the replay command). Field names are the JSON keys.
 *
 * @param format the meta format version, {@value #FORMAT}
 * @param symptom {@code crash}, {@code exception}, {@code timeout} or {@code inconsistency}
 * @param stage {@code compile}, {@code execute} or {@code verify}
 * @param backend the backend that failed or disagreed
 * @param backendVersion its version
 * @param pair the diverging pair of an inconsistency, else null
 * @param maxAbsError the largest absolute error between the pair
 * @param maxRelError the largest relative error between the pair
 * @param message the one-line description
 * @param runs the backend runs compared with the reference, in order
 * @param tolerance the comparison tolerance
 * @param options campaign options in effect (timeout, …), as text
 * @param seed the seed the test case came from
 * @param provenance where the test case came from
 * @param replay the command that replays the finding
 * @param localization where the finding was localized, or why not; null when not tried (older findings, timeouts)
 */
public record FindingMeta(int format, String symptom, String stage, String backend, String backendVersion,
        PairMeta pair, double maxAbsError, double maxRelError, String message, List<RunMeta> runs,
        Tolerance tolerance, Map<String, String> options, long seed, Map<String, String> provenance, String replay,
        Localization localization) {
    /** The format written by this version of Crest. */
    public static final int FORMAT = 1;

    /** A meta without a localization (the form before localization existed). */
    public FindingMeta(int format, String symptom, String stage, String backend, String backendVersion,
            PairMeta pair, double maxAbsError, double maxRelError, String message, List<RunMeta> runs,
            Tolerance tolerance, Map<String, String> options, long seed, Map<String, String> provenance,
            String replay) {
        this(format, symptom, stage, backend, backendVersion, pair, maxAbsError, maxRelError, message, runs, tolerance,
                options, seed, provenance, replay, null);
    }

    /** A diverging pair as JSON. */
    public record PairMeta(String actual, String expected, String kind) {
    }

    /** A backend run as JSON; {@code baseline} is null for an unpaired run. */
    public record RunMeta(String backend, String baseline) {
    }

    /** The meta for {@code finding}. */
    static FindingMeta of(Finding finding, List<TargetRun> runs, Tolerance tolerance, Map<String, String> options,
            long seed, Map<String, String> provenance, String replay) {
        PairMeta pair = finding.pair()
                .map(p -> new PairMeta(p.actual(), p.expected(), p.kind().label())).orElse(null);
        List<RunMeta> runMetas = runs.stream().map(r -> new RunMeta(r.backend(), r.baseline().orElse(null))).toList();
        return new FindingMeta(FORMAT, finding.symptom().label(), finding.stage().label(), finding.backend(),
                finding.backendVersion(), pair, finding.maxAbsError(), finding.maxRelError(), finding.message(),
                runMetas, tolerance, Map.copyOf(options), seed, Map.copyOf(provenance), replay,
                finding.localization().orElse(null));
    }

    /** The localization, when one was recorded. */
    public Optional<Localization> localizationValue() {
        return Optional.ofNullable(localization);
    }

    /** The symptom as an enum. */
    public Symptom symptomValue() {
        return Symptom.valueOf(symptom.toUpperCase(java.util.Locale.ROOT));
    }

    /** The stage as an enum. */
    public Stage stageValue() {
        return Stage.valueOf(stage.toUpperCase(java.util.Locale.ROOT));
    }

    /** The diverging pair, for an inconsistency. */
    public Optional<DivergingPair> pairValue() {
        return pair == null ? Optional.empty()
                : Optional.of(new DivergingPair(pair.actual(), pair.expected(), DivergingPair.Kind.ofLabel(pair.kind())));
    }

    /** The runs as the tester takes them. */
    public List<TargetRun> targetRuns() {
        return runs.stream().map(r -> new TargetRun(r.backend(), Optional.ofNullable(r.baseline()))).toList();
    }
}
