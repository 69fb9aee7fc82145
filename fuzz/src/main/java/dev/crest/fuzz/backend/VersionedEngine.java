package dev.crest.fuzz.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An engine whose release a user can pin ({@code onnxruntime@1.12.1}): its Maven coordinates, so the worker can be
 * launched with that release's jar, and the backend names it serves. Only engines shipped as one self-contained jar
 * (classes and native library together) qualify.
 *
 * @param userName the name users pin, such as {@code onnxruntime}
 * @param groupId the Maven group of the engine's jar
 * @param artifactId the Maven artifact of the engine's jar
 * @param backends the registered backend names running this engine
 */
public record VersionedEngine(String userName, String groupId, String artifactId, List<String> backends) {
    /** ONNX Runtime's Java package, which carries the native library of its release. */
    public static final VersionedEngine ONNXRUNTIME = new VersionedEngine(BackendRegistry.ONNXRUNTIME,
            "com.microsoft.onnxruntime", "onnxruntime", List.of(OrtBackend.NO_OPT, OrtBackend.OPT));

    private static final List<VersionedEngine> ALL = List.of(ONNXRUNTIME);

    public VersionedEngine {
        Objects.requireNonNull(userName);
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(artifactId);
        backends = List.copyOf(backends);
    }

    /** The engine a user name ({@code onnxruntime}) or a backend name ({@code onnxruntime-opt}) belongs to. */
    public static Optional<VersionedEngine> of(String name) {
        return ALL.stream().filter(e -> e.userName.equals(name) || e.backends.contains(name)).findFirst();
    }

    /** Every engine that can be pinned, by user name. */
    public static List<String> userNames() {
        return ALL.stream().map(VersionedEngine::userName).toList();
    }

    /** The Maven coordinates of one release, {@code group:artifact:version}. */
    public String coordinates(String version) {
        return groupId + ":" + artifactId + ":" + version;
    }

    /** The release's jar inside a Maven local repository laid out the standard way. */
    public Path jarIn(Path localRepository, String version) {
        Path folder = localRepository;
        for (String part : groupId.split("\\.")) {
            folder = folder.resolve(part);
        }
        return folder.resolve(artifactId).resolve(version).resolve(artifactId + "-" + version + ".jar");
    }

    /**
     * Whether a class path entry is some release of this engine's jar (the one Crest was built with), which a worker
     * pinned to another release must not see.
     */
    public boolean isReleaseJar(String classPathEntry) {
        String file = Path.of(classPathEntry).getFileName() == null ? "" : Path.of(classPathEntry).getFileName().toString();
        return Pattern.matches(Pattern.quote(artifactId) + "-\\d[^/]*\\.jar", file);
    }
}
