package dev.crest.fuzz.worker;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.VersionedEngine;
import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds one release's jar of a {@link VersionedEngine} in the local Maven repository, downloading it with Maven
 * ({@code mvn dependency:get}) on first use, so a worker can be launched with any published release. Failures
 * become one-line {@link FuzzException}s saying whether the release does not exist, Maven Central cannot be reached
 * or Maven is missing.
 */
public final class EngineJarResolver {
    /** Serializes downloads in this JVM, so parallel campaign pipelines do not fetch the same jar twice at once. */
    private static final Object DOWNLOADS = new Object();

    private final Path localRepository;
    private final List<String> maven;
    private final Consumer<String> notes;

    /**
     * A resolver over {@code localRepository} that runs {@code maven} (the {@code mvn} command and any options of
     * its own) to download missing jars and tells {@code notes} before a download starts.
     */
    public EngineJarResolver(Path localRepository, List<String> maven, Consumer<String> notes) {
        this.localRepository = Objects.requireNonNull(localRepository);
        this.maven = List.copyOf(maven);
        this.notes = Objects.requireNonNull(notes);
        if (this.maven.isEmpty()) {
            throw new IllegalArgumentException("the Maven command is empty");
        }
    }

    /**
     * Maven's local repository ({@code -Dmaven.repo.local} if this JVM was given one, else {@code ~/.m2/repository})
     * and the {@code mvn} on the PATH, telling {@code notes} about downloads.
     */
    public static EngineJarResolver standard(Consumer<String> notes) {
        String configured = System.getProperty("maven.repo.local");
        Path repository = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new EngineJarResolver(repository, List.of("mvn"), notes);
    }

    /** The local repository jars are looked up in and downloaded to. */
    public Path localRepository() {
        return localRepository;
    }

    /** The jar of {@code engine} at {@code version}, downloaded first when the local repository lacks it. */
    public Path resolve(VersionedEngine engine, String version) {
        Path jar = engine.jarIn(localRepository, version);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        synchronized (DOWNLOADS) {
            if (!Files.isRegularFile(jar)) {
                download(engine, version);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new FuzzException(engine.userName() + "@" + version + ": Maven reported success but " + jar
                    + " is missing; is another local repository configured in Maven's settings.xml?");
        }
        return jar;
    }

    private void download(VersionedEngine engine, String version) {
        String pinned = engine.userName() + "@" + version;
        notes.accept("downloading " + pinned + " (" + engine.coordinates(version) + ") from Maven Central into "
                + localRepository + " (first use of this release)");
        List<String> command = new ArrayList<>(maven);
        // -U: a release published since an earlier failed attempt must not be hidden by Maven's cached failure.
        command.addAll(List.of("-B", "-q", "-U", "-Dmaven.repo.local=" + localRepository, "dependency:get",
                "-Dartifact=" + engine.coordinates(version), "-Dtransitive=false"));
        Path workDir = null;
        try {
            // An empty folder, so that Maven does not read some project's POM from the current directory.
            workDir = Files.createTempDirectory("crest-maven-");
            Path log = workDir.resolve("maven.log");
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new FuzzException(explain(pinned, engine.coordinates(version),
                        Files.readString(log, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new FuzzException(pinned + " is not in the local Maven repository " + localRepository
                    + " and Maven could not be started to download it (" + maven.get(0) + ": " + e.getMessage()
                    + "); install Maven or run: mvn dependency:get -Dartifact=" + engine.coordinates(version), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FuzzException("interrupted while downloading " + pinned, e);
        } finally {
            if (workDir != null) {
                // A leftover temporary folder holding Maven's log is harmless.
                AtomicFiles.deleteTreeQuietly(workDir);
            }
        }
    }

    /** One line saying why Maven could not fetch a release, from its log. */
    static String explain(String pinned, String coordinates, String mavenLog) {
        if (mavenLog.contains("Could not find artifact") || mavenLog.contains("Failure to find")
                || mavenLog.contains("was not found in")) {
            return pinned + ": no such release on Maven Central (" + coordinates + " does not exist)";
        }
        if (mavenLog.contains("offline mode")) {
            return "cannot download " + pinned + ": Maven is in offline mode and the jar is not in the local repository";
        }
        if (mavenLog.contains("Could not transfer") || mavenLog.contains("UnknownHost")
                || mavenLog.contains("Connect") || mavenLog.contains("unreachable")
                || mavenLog.contains("Could not resolve")) {
            return "cannot download " + pinned + ": Maven cannot reach Maven Central (" + firstError(mavenLog) + ")";
        }
        return "Maven failed to download " + pinned + ": " + firstError(mavenLog);
    }

    private static String firstError(String mavenLog) {
        for (String line : mavenLog.split("\\R")) {
            String plain = line.replaceAll("\u001B\\[[0-9;]*m", "").trim();
            if (plain.startsWith("[ERROR]") && plain.length() > "[ERROR]".length()) {
                return plain.substring("[ERROR]".length()).trim();
            }
        }
        String all = mavenLog.replaceAll("\u001B\\[[0-9;]*m", "").replaceAll("\\s*\\R\\s*", " ").trim();
        return all.isEmpty() ? "no output" : all;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
