package dev.crest.fuzz.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crest.fuzz.FuzzException;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds which operator × dtype combinations a backend accepts by running a one-node model for each through a
 * {@link BackendExecutor} (the isolated worker, so a combination that crashes the engine is simply rejected).
 * Results are cached as JSON per backend name, version and Crest build
 * ({@code <cacheDir>/<backend>-<version>-<build>.json}); only combinations missing from the cache are probed, so a
 * new operator costs one probe, not a full re-run. The build is part of the key because what Crest's own
 * translations (TensorFlow, PyTorch) accept changes with Crest's code, not only with the engine's version.
 */
public final class CapabilityProbe {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BackendExecutor executor;
    private final Path cacheDir;

    /** A probe running cases through {@code executor} and caching results in {@code cacheDir}. */
    public CapabilityProbe(BackendExecutor executor, Path cacheDir) {
        this.executor = executor;
        this.cacheDir = cacheDir;
    }

    /** The conventional cache folder, {@code ~/.cache/crest/capabilities}. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "crest", "capabilities");
    }

    /** The cache file for one backend version under this Crest build. */
    public Path cacheFile(String backend, String version) {
        return cacheDir.resolve((backend + "-" + version + "-" + CrestBuild.BUILD).replaceAll("[^A-Za-z0-9._-]", "_")
                + ".json");
    }

    /** Tells one build of Crest's fuzz module from another: the size and time of the jar it was loaded from. */
    private static final class CrestBuild {
        static final String BUILD = fingerprint();

        private static String fingerprint() {
            try {
                Path source = Path.of(CapabilityProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(source)) {
                    return Long.toString(Files.size(source), 36) + Long.toString(
                            Files.getLastModifiedTime(source).toMillis(), 36);
                }
                // Classes in a build folder (tests, an IDE): their caches live in folders of their own.
                return "classes";
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                return "unknown";
            }
        }
    }

    /**
     * The capabilities of {@code backend} for {@code combinations}: cached entries are reused, the rest are built
     * with {@code build} (empty when no one-node model exists for a combination, which counts as rejected) and
     * run, and the cache is updated.
     */
    public Capabilities probe(String backend, List<OpDtype> combinations, Function<OpDtype, Optional<ProbeCase>> build) {
        String version = executor.version(backend);
        Path file = cacheFile(backend, version);
        Map<OpDtype, Capabilities.Entry> known = new LinkedHashMap<>();
        readCache(file, backend, version).ifPresent(c -> c.entries().forEach(e -> known.put(e.combination(), e)));
        boolean changed = false;
        for (OpDtype combination : combinations) {
            if (known.containsKey(combination)) {
                continue;
            }
            known.put(combination, probeOne(backend, combination, build.apply(combination)));
            changed = true;
        }
        Capabilities all = new Capabilities(backend, version, new ArrayList<>(known.values()));
        if (changed) {
            writeCache(file, all);
        }
        return new Capabilities(backend, version,
                all.entries().stream().filter(e -> combinations.contains(e.combination())).toList());
    }

    private Capabilities.Entry probeOne(String backend, OpDtype combination, Optional<ProbeCase> probeCase) {
        if (probeCase.isEmpty()) {
            return new Capabilities.Entry(combination.opType(), combination.dtype(), false,
                    "no one-node model could be built for this combination");
        }
        RunOutcome outcome = executor.execute(backend, probeCase.get().modelBytes(), probeCase.get().inputs());
        return new Capabilities.Entry(combination.opType(), combination.dtype(), outcome.succeeded(),
                outcome.succeeded() ? "" : outcome.status().name().toLowerCase(java.util.Locale.ROOT) + " at "
                        + outcome.stage().label() + ": " + outcome.message());
    }

    private static Optional<Capabilities> readCache(Path file, String backend, String version) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Capabilities cached = JSON.readValue(file.toFile(), Capabilities.class);
            // A cache for another backend or version under this name (renamed by hand) is not trusted.
            boolean matches = backend.equals(cached.backend()) && version.equals(cached.version());
            return matches ? Optional.of(cached) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A corrupted cache only costs a re-probe; it is overwritten below.
            return Optional.empty();
        }
    }

    private static void writeCache(Path file, Capabilities capabilities) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(capabilities));
        } catch (IOException | GraphException e) {
            throw new FuzzException("cannot write the capability cache " + file + ": " + e.getMessage(), e);
        }
    }
}
