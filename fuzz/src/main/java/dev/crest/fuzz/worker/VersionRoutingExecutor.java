package dev.crest.fuzz.worker;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.BackendRef;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.VersionedEngine;
import dev.crest.tensor.Tensor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs each backend in an isolated worker process whose class path carries the backend's engine release: a name
 * pinned to a release ({@code onnxruntime-opt@1.12.1}) goes to a worker launched with that release's jar first on
 * its class path (resolved from the local Maven repository, downloaded on first use); an unpinned name goes to the
 * worker on Crest's own class path. One worker per release, started on first use, so a campaign can compare several
 * releases at once. Outcomes keep the name they were asked for. Before a pinned backend's first run the worker's
 * reported version is checked against the pin. Not thread-safe, like {@link WorkerProcess}.
 */
public final class VersionRoutingExecutor implements BackendExecutor {
    private static final String CREST_CLASS_PATH = "";

    private final WorkerLauncher launcher;
    private final Duration timeout;
    private final EngineJarResolver resolver;
    private final Optional<BackendRef> override;
    // Concurrent: the campaign's summary thread counts retirements while a pipeline adds workers.
    private final Map<String, WorkerProcess> workers = new ConcurrentHashMap<>();
    private final Set<String> checked = new HashSet<>();
    private volatile int retiredBeforeClose;

    /**
     * An executor launching workers from {@code launcher} (the class path of unpinned backends), each request limited
     * by {@code timeout}, pinned releases found by {@code resolver}; {@code override}, when present, moves every
     * backend of its engine, pinned or not, to its release (or to Crest's own release when it has no version): how
     * a stored finding is replayed on another release.
     */
    public VersionRoutingExecutor(WorkerLauncher launcher, Duration timeout, EngineJarResolver resolver,
            Optional<BackendRef> override) {
        this.launcher = Objects.requireNonNull(launcher);
        this.timeout = Objects.requireNonNull(timeout);
        this.resolver = Objects.requireNonNull(resolver);
        this.override = Objects.requireNonNull(override);
        override.ifPresent(o -> engineOf(o.name(), o.toString()));
    }

    /**
     * The executor a campaign uses: workers on this JVM's class path, pinned releases from the local Maven repository,
     * download notes on stderr.
     */
    public static VersionRoutingExecutor isolated(Duration timeout) {
        return isolated(timeout, Optional.empty());
    }

    /** Like {@link #isolated(Duration)}, with every backend of {@code override}'s engine moved to its release. */
    public static VersionRoutingExecutor isolated(Duration timeout, Optional<BackendRef> override) {
        Consumer<String> notes = note -> System.err.println("crest: " + note);
        return new VersionRoutingExecutor(WorkerLauncher.current(), timeout, EngineJarResolver.standard(notes), override);
    }

    @Override
    public RunOutcome execute(String backend, byte[] modelBytes, Map<String, Tensor> inputs) {
        Route route = route(backend);
        WorkerProcess worker = workerFor(route);
        checkPin(route, worker);
        RunOutcome outcome = worker.execute(route.workerBackend(), modelBytes, inputs);
        return new RunOutcome(backend, outcome.version(), outcome.status(), outcome.stage(), outcome.outputs(),
                outcome.message(), outcome.errorLog());
    }

    @Override
    public String version(String backend) {
        Route route = route(backend);
        WorkerProcess worker = workerFor(route);
        checkPin(route, worker);
        return worker.version(route.workerBackend());
    }

    /** How many worker processes this executor has (one per release in use). */
    public int workerCount() {
        return workers.size();
    }

    /** How many times the worker of {@code backend}'s release has been started (more after a crash or timeout). */
    public int starts(String backend) {
        WorkerProcess worker = workers.get(route(backend).key());
        return worker == null ? 0 : worker.starts();
    }

    @Override
    public int retiredWorkers() {
        return retiredBeforeClose + workers.values().stream().mapToInt(WorkerProcess::retiredWorkers).sum();
    }

    @Override
    public void close() {
        retiredBeforeClose = retiredWorkers();
        workers.values().forEach(WorkerProcess::close);
        workers.clear();
    }

    private Route route(String backend) {
        BackendRef ref = BackendRef.parse(backend);
        Optional<String> version = ref.version();
        if (override.isPresent() && VersionedEngine.of(ref.name()).isPresent()
                && VersionedEngine.of(ref.name()).equals(VersionedEngine.of(override.get().name()))) {
            version = override.get().version();
        }
        if (version.isEmpty()) {
            return new Route(ref.name(), Optional.empty(), Optional.empty());
        }
        return new Route(ref.name(), Optional.of(engineOf(ref.name(), backend)), version);
    }

    private static VersionedEngine engineOf(String name, String asWritten) {
        return VersionedEngine.of(name).orElseThrow(() -> new FuzzException("'" + asWritten + "' names a release, but only "
                + String.join(", ", VersionedEngine.userNames()) + " can be pinned to one"));
    }

    private WorkerProcess workerFor(Route route) {
        WorkerProcess worker = workers.get(route.key());
        if (worker == null) {
            WorkerLauncher pinned = launcher;
            if (route.engine().isPresent()) {
                VersionedEngine engine = route.engine().get();
                Path jar = resolver.resolve(engine, route.version().orElseThrow());
                pinned = launcher.withJarFirst(jar, engine::isReleaseJar);
            }
            worker = new WorkerProcess(pinned, timeout);
            workers.put(route.key(), worker);
        }
        return worker;
    }

    private void checkPin(Route route, WorkerProcess worker) {
        if (route.version().isEmpty() || !checked.add(route.key() + " " + route.workerBackend())) {
            return;
        }
        String expected = route.version().get();
        String actual = worker.version(route.workerBackend());
        if (!actual.equals(expected)) {
            checked.remove(route.key() + " " + route.workerBackend());
            throw new FuzzException(route.engine().orElseThrow().userName() + "@" + expected + " was requested but the"
                    + " worker launched with its jar reports " + route.workerBackend() + " " + actual
                    + "; another copy of the engine shadows it on the worker's class path");
        }
    }

    /**
     * Where one backend runs.
     *
     * @param workerBackend the backend's registered name inside the worker (without a version)
     * @param engine the pinned engine, when pinned
     * @param version the pinned release, when pinned
     */
    private record Route(String workerBackend, Optional<VersionedEngine> engine, Optional<String> version) {
        String key() {
            return engine.map(e -> e.userName() + "@" + version.orElseThrow()).orElse(CREST_CLASS_PATH);
        }
    }
}
