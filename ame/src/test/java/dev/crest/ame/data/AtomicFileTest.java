package dev.crest.ame.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryBehind() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old contents that are longer");
        AtomicFile.writeString(file, "λ = 0.5\n");
        assertThat(Files.readAllBytes(file)).isEqualTo("λ = 0.5\n".getBytes(StandardCharsets.UTF_8));
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("out.txt");
        }
    }

    @Test
    void aLoneSurrogateIsAnErrorNamingTheFile() {
        Path file = dir.resolve("bad.txt");
        assertThatThrownBy(() -> AtomicFile.writeString(file, "a\uD800b"))
                .isInstanceOf(AmeException.class).hasMessageContaining(file.toString());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aMissingDirectoryIsAnErrorNamingTheFile() {
        Path file = dir.resolve("missing").resolve("out.txt");
        assertThatThrownBy(() -> AtomicFile.writeString(file, "x"))
                .isInstanceOf(AmeException.class).hasMessageContaining(file.toString());
    }
}
