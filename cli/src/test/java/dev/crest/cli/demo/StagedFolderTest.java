package dev.crest.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFolderTest {
    @TempDir
    Path out;

    @Test
    void publishReplacesTheEarlierOutputWhole() throws IOException {
        Files.createDirectories(out.resolve("tool"));
        Files.writeString(out.resolve("tool/old.txt"), "old");
        StagedFolder folder = StagedFolder.begin(out, "tool");
        Files.writeString(folder.stage().resolve("new.txt"), "new");
        assertThat(out.resolve("tool/old.txt")).as("untouched while the tool runs").exists();

        assertThat(folder.publish()).isEqualTo(out.resolve("tool"));
        assertThat(out.resolve("tool/new.txt")).hasContent("new");
        assertThat(out.resolve("tool/old.txt")).doesNotExist();
        assertThat(folder.stage()).doesNotExist();
    }

    @Test
    void discardKeepsTheEarlierOutputAndRemovesTheStage() throws IOException {
        Files.createDirectories(out.resolve("tool"));
        Files.writeString(out.resolve("tool/old.txt"), "old");
        StagedFolder folder = StagedFolder.begin(out, "tool");
        Files.createDirectories(folder.stage().resolve("half"));
        Files.writeString(folder.stage().resolve("half/page.html"), "<html");
        folder.discard();
        assertThat(out.resolve("tool/old.txt")).hasContent("old");
        assertThat(folder.stage()).doesNotExist();
    }

    @Test
    void beginClearsWhatAnInterruptedRunLeftInTheStage() throws IOException {
        Files.createDirectories(out.resolve(".tool.partial"));
        Files.writeString(out.resolve(".tool.partial/stale.txt"), "stale");
        StagedFolder folder = StagedFolder.begin(out, "tool");
        assertThat(folder.stage()).isEmptyDirectory();
    }
}
