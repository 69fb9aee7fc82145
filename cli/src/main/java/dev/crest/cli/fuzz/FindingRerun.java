package dev.crest.cli.fuzz;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.BackendRef;
import dev.crest.fuzz.finding.FindingMeta;
import dev.crest.fuzz.finding.FindingReader;
import dev.crest.fuzz.finding.StoredFinding;
import dev.crest.fuzz.worker.VersionRoutingExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A saved finding opened to be run again by {@code crest fuzz replay} or {@code crest fuzz reduce}: its folder read
 * and checked once, and the isolated worker its backends run in (a run pinned to an engine release goes to a worker
 * carrying that release). Closing it stops the worker. Both commands end the same way, with
 * {@link #exitCode(boolean)} and a JSON document that starts with {@link #jsonDocument(boolean)}.
 */
final class FindingRerun implements AutoCloseable {
    /** The exit code of a command whose finding no longer reproduces. */
    static final int NOT_REPRODUCED = 3;

    private final StoredFinding stored;
    private final VersionRoutingExecutor executor;

    private FindingRerun(StoredFinding stored, VersionRoutingExecutor executor) {
        this.stored = stored;
        this.executor = executor;
    }

    /**
     * Reads the finding in {@code folder} and prepares its worker, each run limited by the timeout {@code timeout}
     * gives for the finding's metadata; {@code release}, when present, moves the finding's runs of that engine to
     * that release.
     */
    static FindingRerun open(Path folder, Function<FindingMeta, Duration> timeout,
            Optional<BackendRef> release) {
        StoredFinding stored = FindingReader.read(folder);
        return new FindingRerun(stored, VersionRoutingExecutor.isolated(timeout.apply(stored.meta()), release));
    }

    /** The finding as saved: metadata, test case and error log. */
    StoredFinding stored() {
        return stored;
    }

    /** The finding's {@code meta.json}. */
    FindingMeta meta() {
        return stored.meta();
    }

    /** Where the finding's backends run. */
    BackendExecutor executor() {
        return executor;
    }

    /** The first fields of the command's JSON document: the finding folder and whether the finding reproduced. */
    Map<String, Object> jsonDocument(boolean reproduced) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("finding", stored.folder().toString());
        doc.put("reproduced", reproduced);
        return doc;
    }

    /** The command's exit code: 0 when the finding reproduced, else {@link #NOT_REPRODUCED}. */
    static int exitCode(boolean reproduced) {
        return reproduced ? 0 : NOT_REPRODUCED;
    }

    @Override
    public void close() {
        executor.close();
    }
}
