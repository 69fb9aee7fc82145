package dev.crest.fuzz.backend;

import dev.crest.fuzz.FuzzException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A backend named with an optional pinned release ({@code onnxruntime}, {@code onnxruntime@1.12.1},
 * {@code onnxruntime-opt@1.12.1}). A pinned release is honoured by launching a worker with that release's jar first
 * on its class path ({@code dev.crest.fuzz.worker.VersionRoutingExecutor}); without one, the name means the release
 * on Crest's own class path. {@link #checkVersion} confirms a worker really runs the pinned release.
 *
 * @param name the name, registered or {@code onnxruntime}
 * @param version the pinned version, if any
 */
public record BackendRef(String name, Optional<String> version) {
    /** Release numbers as Maven Central spells them: {@code 1.12.1}, {@code 1.17.0-rc1}. */
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*([.-][A-Za-z0-9]+)*");

    public BackendRef {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
    }

    /** Parses {@code name} or {@code name@version}, checking that the version looks like a release number. */
    public static BackendRef parse(String text) {
        String trimmed = text.trim();
        int at = trimmed.indexOf('@');
        if (at < 0) {
            if (trimmed.isEmpty()) {
                throw new FuzzException("a backend name is empty");
            }
            return new BackendRef(trimmed, Optional.empty());
        }
        String name = trimmed.substring(0, at);
        String version = trimmed.substring(at + 1);
        if (name.isEmpty() || version.isEmpty() || version.contains("@")) {
            throw new FuzzException("cannot read backend '" + text + "': write NAME or NAME@VERSION, e.g. onnxruntime@1.12.1");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new FuzzException("cannot read the version in '" + text + "': write a release number such as "
                    + name + "@1.12.1");
        }
        return new BackendRef(name, Optional.of(version));
    }

    /** {@code backend@version}: the name of a backend pinned to a release. */
    public static String pinned(String backend, String version) {
        return backend + "@" + version;
    }

    /** The same backend pinned to {@code value}. */
    public BackendRef withVersion(String value) {
        return parse(name + "@" + value);
    }

    /**
     * Fails with a message the user can act on when a pinned version differs from the version each of
     * {@code runs} reports through {@code executor}.
     */
    public void checkVersion(BackendExecutor executor, List<TargetRun> runs) {
        if (version.isEmpty()) {
            return;
        }
        for (TargetRun run : runs) {
            String actual = executor.version(run.backend());
            if (!actual.equals(version.get())) {
                throw new FuzzException(this + " was requested but its worker runs " + parse(run.backend()).name()
                        + " " + actual + "; another jar of " + name + " comes first on the worker's class path");
            }
        }
    }

    @Override
    public String toString() {
        return version.map(v -> pinned(name, v)).orElse(name);
    }
}
