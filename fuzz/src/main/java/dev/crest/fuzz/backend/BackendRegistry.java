package dev.crest.fuzz.backend;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.torch.TorchBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Backends by name: Crest's own ({@code reference}, {@code onnxruntime-noopt}, {@code onnxruntime-opt}) and any
 * registered through {@link ServiceLoader} as a {@link BackendProvider}. Also expands what a user names on the
 * command line ({@code onnxruntime}, {@code onnxruntime@1.12.1}) into the runs a campaign compares.
 */
public final class BackendRegistry {
    /** The user-facing name that stands for ONNX Runtime without and with graph optimizations. */
    public static final String ONNXRUNTIME = "onnxruntime";

    private final Map<String, Supplier<Backend>> factories = new LinkedHashMap<>();

    private BackendRegistry() {
    }

    /** Crest's backends plus those found by {@link ServiceLoader} on this class path. */
    public static BackendRegistry standard() {
        BackendRegistry registry = new BackendRegistry();
        registry.factories.put(ReferenceBackend.NAME, ReferenceBackend::new);
        registry.factories.put(OrtBackend.NO_OPT, () -> new OrtBackend(false));
        registry.factories.put(OrtBackend.OPT, () -> new OrtBackend(true));
        registry.factories.put(TorchBackend.NAME, TorchBackend::new);
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            for (String name : provider.names()) {
                registry.factories.putIfAbsent(name, () -> provider.create(name));
            }
        }
        return registry;
    }

    /** Every registered name, Crest's first. */
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** A new backend for {@code name}. */
    public Backend create(String name) {
        Supplier<Backend> factory = factories.get(name);
        if (factory == null) {
            throw new FuzzException("unknown backend '" + name + "'; known backends: " + String.join(", ", names())
                    + " (and '" + ONNXRUNTIME + "' for both ONNX Runtime levels)");
        }
        return factory.get();
    }

    /**
     * The runs a user-named backend stands for: {@code onnxruntime} is ONNX Runtime without optimizations and
     * then with them (paired, so a disagreement between them is blamed on an optimization pass); any other
     * registered name is one unpaired run.
     */
    public List<TargetRun> expand(String userName) {
        if (userName.contains("@")) {
            return expandPinned(BackendRef.parse(userName));
        }
        if (userName.equals(ONNXRUNTIME)) {
            return List.of(TargetRun.of(OrtBackend.NO_OPT), TargetRun.optimized(OrtBackend.OPT, OrtBackend.NO_OPT));
        }
        if (userName.equals(ReferenceBackend.NAME)) {
            throw new FuzzException("the reference interpreter is the oracle every backend is compared with; "
                    + "name a backend to test instead");
        }
        create(userName).close();
        return List.of(TargetRun.of(userName));
    }

    /**
     * The runs of a backend pinned to a release ({@code onnxruntime@1.12.1}, {@code onnxruntime-opt@1.12.1}): the same
     * runs as without the version, each named {@code backend@version} so that an executor routes it to a worker
     * launched with that release. Only the version's form is checked here; whether the release exists is found out
     * when its jar is resolved.
     */
    private List<TargetRun> expandPinned(BackendRef ref) {
        String version = ref.version().orElseThrow();
        if (VersionedEngine.of(ref.name()).isEmpty()) {
            throw new FuzzException("'" + ref + "' pins a version, but only " + String.join(", ", VersionedEngine.userNames())
                    + " can be pinned; write '" + ref.name() + "' for the version on Crest's class path");
        }
        return expand(ref.name()).stream()
                .map(r -> new TargetRun(BackendRef.pinned(r.backend(), version),
                        r.baseline().map(b -> BackendRef.pinned(b, version))))
                .toList();
    }

    /** The runs for several user-named backends, in order, without repeats. */
    public List<TargetRun> expandAll(List<String> userNames) {
        List<TargetRun> runs = new ArrayList<>();
        for (String name : userNames) {
            for (TargetRun run : expand(name)) {
                if (runs.stream().noneMatch(r -> r.backend().equals(run.backend()))) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }
}
