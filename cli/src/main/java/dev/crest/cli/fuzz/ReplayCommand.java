package dev.crest.cli.fuzz;

import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendRef;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.backend.VersionedEngine;
import dev.crest.fuzz.finding.FindingMeta;
import dev.crest.fuzz.finding.Replay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crest fuzz replay <dir>}: re-runs a saved finding on its backends and says whether it reproduces, optionally
 * on another release of its engine ({@code --backend onnxruntime@1.16.3}) to bisect a regression by hand.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Re-run a saved finding (a bug-<symptom>-<stage>-<n> folder) on the backends it was found with,"
                + " in an isolated worker process, and report whether it still reproduces. With --backend"
                + " onnxruntime@VERSION the finding's ONNX Runtime runs use that release instead (downloaded by Maven on"
                + " first use), so a regression can be bisected across releases.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the finding reproduces", "2:the folder is missing or corrupted, or a bad option",
                ReplayCommand.NOT_REPRODUCED + ":the finding no longer reproduces"})
public final class ReplayCommand implements Callable<Integer> {
    /** The exit code when the finding no longer reproduces. */
    public static final int NOT_REPRODUCED = FindingRerun.NOT_REPRODUCED;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the finding folder")
    private Path folder;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "seconds one backend may take to compile and run the model (default: ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Option(names = "--backend", paramLabel = "ENGINE[@VERSION]",
            description = "re-run the finding's runs of this engine on another release, e.g. onnxruntime@1.16.3"
                    + " (without a version: the release on Crest's class path)")
    private String backend;

    @Override
    public Integer call() {
        Optional<BackendRef> moved = Optional.ofNullable(backend).map(ReplayCommand::engineRelease);
        Replay.Result result;
        FindingRerun rerun = FindingRerun.open(folder, meta -> Duration.ofSeconds(timeoutSeconds), moved);
        try (rerun) {
            moved.ifPresent(engine -> checkTheFindingRanOn(rerun.meta(), engine));
            result = new Replay(rerun.executor()).replay(rerun.stored());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(rerun, result, moved));
        } else {
            out.println(result.report());
            moved.ifPresent(m -> out.println(releaseLine(result, m)));
            out.flush();
        }
        return FindingRerun.exitCode(result.reproduced());
    }

    private static BackendRef engineRelease(String text) {
        BackendRef ref = BackendRef.parse(text);
        VersionedEngine engine = VersionedEngine.of(ref.name()).orElseThrow(() -> new FuzzException("--backend "
                + text + ": only the release of " + String.join(", ", VersionedEngine.userNames())
                + " can be changed on replay, e.g. --backend onnxruntime@1.16.3"));
        return new BackendRef(engine.userName(), ref.version());
    }

    private void checkTheFindingRanOn(FindingMeta meta, BackendRef engine) {
        boolean ranOnIt = meta.targetRuns().stream().map(TargetRun::backend)
                .anyMatch(b -> VersionedEngine.of(BackendRef.parse(b).name()).map(VersionedEngine::userName)
                        .filter(engine.name()::equals).isPresent());
        if (!ranOnIt) {
            throw new FuzzException("--backend " + engine + ": the finding in " + folder + " did not run "
                    + engine.name() + " (its runs: " + String.join(", ", meta.targetRuns().stream()
                            .map(TargetRun::backend).toList()) + ")");
        }
    }

    /** Which release the finding was re-run on, next to the one it was saved from. */
    private static String releaseLine(Replay.Result result, BackendRef engine) {
        TreeSet<String> now = new TreeSet<>();
        for (RunOutcome o : result.rerun().runs().values()) {
            if (VersionedEngine.of(BackendRef.parse(o.backend()).name()).isPresent()) {
                now.add(o.version());
            }
        }
        return "replayed on " + engine.name() + " " + String.join(", ", now) + " (saved from "
                + result.stored().meta().backend() + " " + result.stored().meta().backendVersion() + ")";
    }

    private static Map<String, Object> toJson(FindingRerun rerun, Replay.Result result, Optional<BackendRef> moved) {
        FindingMeta meta = result.stored().meta();
        Map<String, Object> doc = rerun.jsonDocument(result.reproduced());
        moved.ifPresent(m -> doc.put("replayedOn", m.toString()));
        doc.put("summary", result.summary());
        doc.put("saved", meta);
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("verdict", result.rerun().verdict().kind().name().toLowerCase(java.util.Locale.ROOT));
        result.rerun().verdict().finding().ifPresent(f -> {
            now.put("symptom", f.symptom().label());
            now.put("stage", f.stage().label());
            now.put("backend", f.backend());
            now.put("message", f.message());
            f.localization().ifPresent(l -> now.put("localization", l));
        });
        Map<String, Object> runs = new LinkedHashMap<>();
        for (RunOutcome o : result.rerun().runs().values()) {
            runs.put(o.backend(), Map.of("status", o.status().name().toLowerCase(java.util.Locale.ROOT),
                    "version", o.version()));
        }
        now.put("runs", runs);
        doc.put("now", now);
        return doc;
    }
}
