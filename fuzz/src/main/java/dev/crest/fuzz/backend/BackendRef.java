package dev.crest.fuzz.backend;

import dev.crest.fuzz.FuzzException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backend as a user names it on the command line, optionally pinned to a version ({@code onnxruntime},
 * {@code onnxruntime@1.12.1}). The version is honoured by launching the worker with that version's jar on its
 * class path; {@link #checkVersion} confirms the worker really runs it.
 *
 * @param name the name, registered or {@code onnxruntime}
 * @param version the pinned version, if any
 */
public record BackendRef(String name, Optional<String> version) {
    public BackendRef {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
    }

    /** Parses {@code name} or {@code name@version}. */
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
        return new BackendRef(name, Optional.of(version));
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
                throw new FuzzException(name + "@" + version.get() + " was requested but the worker's class path has "
                        + run.backend() + " " + actual + "; put the " + version.get()
                        + " jar on the worker class path");
            }
        }
    }

    @Override
    public String toString() {
        return version.map(v -> name + "@" + v).orElse(name);
    }
}
