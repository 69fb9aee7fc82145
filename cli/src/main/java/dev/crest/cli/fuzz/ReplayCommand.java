package dev.crest.cli.fuzz;

import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.finding.FindingMeta;
import dev.crest.fuzz.finding.Replay;
import dev.crest.fuzz.worker.WorkerLauncher;
import dev.crest.fuzz.worker.WorkerProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crest fuzz replay <dir>}: re-runs a saved finding on its backends and says whether it reproduces. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Re-run a saved finding (a bug-<symptom>-<stage>-<n> folder) on the backends it was found with,"
                + " in an isolated worker process, and report whether it still reproduces.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the finding reproduces", "2:the folder is missing or corrupted, or a bad option",
                ReplayCommand.NOT_REPRODUCED + ":the finding no longer reproduces"})
public final class ReplayCommand implements Callable<Integer> {
    /** The exit code when the finding no longer reproduces. */
    public static final int NOT_REPRODUCED = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the finding folder")
    private Path folder;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "seconds one backend may take to compile and run the model (default: ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Override
    public Integer call() {
        Replay.Result result;
        try (WorkerProcess worker = new WorkerProcess(WorkerLauncher.current(), Duration.ofSeconds(timeoutSeconds))) {
            result = new Replay(worker).replay(folder);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(result));
        } else {
            out.println(result.report());
            out.flush();
        }
        return result.reproduced() ? 0 : NOT_REPRODUCED;
    }

    private Map<String, Object> toJson(Replay.Result result) {
        FindingMeta meta = result.stored().meta();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("finding", folder.toString());
        doc.put("reproduced", result.reproduced());
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
