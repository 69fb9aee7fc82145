package dev.crest.graph.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporaryFile() {
        Path target = dir.resolve("sub/model.onnx");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(AtomicFiles.read(target, "model file"), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(target.getParent().toFile().list()).containsExactly("model.onnx");
    }

    @Test
    void deleteTreeRemovesAFolderWithEverythingBelowItAndNothingBeside() throws Exception {
        Path tree = dir.resolve(".bug-crash-compile-0");
        Files.createDirectories(tree.resolve("test_data_set_0/deeper"));
        Files.writeString(tree.resolve("model.onnx"), "m");
        Files.writeString(tree.resolve("test_data_set_0/input_0.pb"), "i");
        Files.writeString(tree.resolve("test_data_set_0/deeper/x"), "x");
        Path sibling = Files.writeString(dir.resolve("keep.txt"), "k");

        AtomicFiles.deleteTree(tree);

        assertThat(tree).doesNotExist();
        assertThat(sibling).hasContent("k");
    }

    @Test
    void deleteTreeRemovesALinkInsideWithoutFollowingIt() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "k");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link"), outside);

        AtomicFiles.deleteTree(tree);

        assertThat(tree).doesNotExist();
        assertThat(kept).hasContent("k");
    }

    @Test
    void aMissingTreeIsAlreadyGone() {
        assertThatCode(() -> AtomicFiles.deleteTree(dir.resolve("never-made"))).doesNotThrowAnyException();
        assertThatCode(() -> AtomicFiles.deleteTreeQuietly(dir.resolve("never-made"))).doesNotThrowAnyException();
    }

    @Test
    void deleteTreeQuietlyRemovesTheTreeToo() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("t/u"));
        Files.writeString(tree.resolve("f"), "f");
        AtomicFiles.deleteTreeQuietly(dir.resolve("t"));
        assertThat(dir.resolve("t")).doesNotExist();
    }
}
