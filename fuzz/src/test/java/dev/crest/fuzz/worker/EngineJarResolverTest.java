package dev.crest.fuzz.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.backend.VersionedEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineJarResolverTest {
    @TempDir
    Path repository;

    @Test
    void aJarAlreadyInTheLocalRepositoryIsUsedWithoutRunningMaven() throws IOException {
        Path jar = repository.resolve("com/microsoft/onnxruntime/onnxruntime/1.12.1/onnxruntime-1.12.1.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
        List<String> notes = new ArrayList<>();
        // A Maven command that cannot start proves Maven is not run.
        EngineJarResolver resolver = new EngineJarResolver(repository, List.of("/nonexistent/mvn"), notes::add);

        assertThat(resolver.resolve(VersionedEngine.ONNXRUNTIME, "1.12.1")).isEqualTo(jar);
        assertThat(notes).isEmpty();
    }

    @Test
    void aMissingMavenIsAnErrorSayingHowToGetTheJar() {
        List<String> notes = new ArrayList<>();
        EngineJarResolver resolver = new EngineJarResolver(repository, List.of("/nonexistent/mvn"), notes::add);

        assertThatThrownBy(() -> resolver.resolve(VersionedEngine.ONNXRUNTIME, "1.12.1"))
                .isInstanceOf(FuzzException.class)
                .hasMessageStartingWith("onnxruntime@1.12.1 is not in the local Maven repository " + repository)
                .hasMessageContaining("install Maven")
                .hasMessageContaining("mvn dependency:get -Dartifact=com.microsoft.onnxruntime:onnxruntime:1.12.1");
        assertThat(notes).singleElement().asString().startsWith("downloading onnxruntime@1.12.1");
    }

    @Test
    void mavensFailuresAreTold() {
        String coordinates = "com.microsoft.onnxruntime:onnxruntime:1.14.1";
        assertThat(EngineJarResolver.explain("onnxruntime@1.14.1", coordinates,
                "[ERROR] Failed to execute goal ...: Could not find artifact com.microsoft.onnxruntime:onnxruntime:jar:1.14.1"
                        + " in central (https://repo.maven.apache.org/maven2)"))
                .isEqualTo("onnxruntime@1.14.1: no such release on Maven Central (" + coordinates + " does not exist)");
        assertThat(EngineJarResolver.explain("onnxruntime@1.14.1", coordinates,
                "[ERROR] Couldn't download artifact: com.microsoft.onnxruntime:onnxruntime:jar:1.14.1 was not found in"
                        + " https://repo.maven.apache.org/maven2 during a previous attempt."))
                .isEqualTo("onnxruntime@1.14.1: no such release on Maven Central (" + coordinates + " does not exist)");
        assertThat(EngineJarResolver.explain("onnxruntime@1.14.1", coordinates,
                "[ERROR] Failed to execute goal ...: Cannot access central (https://repo.maven.apache.org/maven2) in"
                        + " offline mode and the artifact ... has not been downloaded from it before."))
                .contains("offline mode");
        assertThat(EngineJarResolver.explain("onnxruntime@1.14.1", coordinates,
                "\u001B[1;31m[ERROR]\u001B[m Failed to execute goal ...: Could not transfer artifact ...: Unknown host"))
                .startsWith("cannot download onnxruntime@1.14.1: Maven cannot reach Maven Central (Failed to execute goal");
    }

    @Test
    void theEngineKnowsItsJarAndItsBackends() {
        VersionedEngine ort = VersionedEngine.ONNXRUNTIME;
        assertThat(ort.jarIn(Path.of("/r"), "1.12.1"))
                .isEqualTo(Path.of("/r/com/microsoft/onnxruntime/onnxruntime/1.12.1/onnxruntime-1.12.1.jar"));
        assertThat(ort.isReleaseJar("/root/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.23.2/onnxruntime-1.23.2.jar"))
                .isTrue();
        assertThat(ort.isReleaseJar("/x/onnxruntime-extensions-0.9.0.jar")).isFalse();
        assertThat(ort.isReleaseJar("/x/crest-fuzz/target/classes")).isFalse();
        assertThat(VersionedEngine.of("onnxruntime-opt")).contains(ort);
        assertThat(VersionedEngine.of("reference")).isEmpty();
    }

    @Test
    void aPinnedLauncherPutsTheReleaseJarFirstAndDropsCrestsOwn() {
        String sep = java.io.File.pathSeparator;
        WorkerLauncher launcher = WorkerLauncher.withClassPath(String.join(sep, "/crest/classes",
                "/m2/com/microsoft/onnxruntime/onnxruntime/1.23.2/onnxruntime-1.23.2.jar", "/m2/z3.jar"));

        WorkerLauncher pinned = launcher.withJarFirst(Path.of("/m2/onnxruntime-1.12.1.jar"),
                VersionedEngine.ONNXRUNTIME::isReleaseJar);

        assertThat(pinned.classPath()).isEqualTo(String.join(sep, "/m2/onnxruntime-1.12.1.jar", "/crest/classes",
                "/m2/z3.jar"));
        assertThat(pinned.jvmOptions()).isEqualTo(launcher.jvmOptions());
    }
}
