package dev.crest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritingTest {

    @TempDir
    Path tmp;

    @Test
    void writesThePageAndItsCsvIntoANewNestedFolder() throws IOException {
        Path folder = tmp.resolve("out/sweep");
        Path index = HtmlReportTest.sweepReport().writeTo(folder);
        assertThat(index).isEqualTo(folder.toAbsolutePath().resolve("index.html"));
        assertThat(Files.readString(index, StandardCharsets.UTF_8)).isEqualTo(HtmlReportTest.sweepReport().toHtml());
        assertThat(Files.readAllLines(folder.resolve("iterations.csv"))).containsExactly(
                "strategy,workers,iteration time (ms)", "ring,2,120.0", "ring,4,131.25", "ps,8,210.123456789");
        assertThat(list(folder)).containsExactlyInAnyOrder("index.html", "iterations.csv");
    }

    @Test
    void rewritingReplacesTheReportLeavesOtherFilesAndNoTemporaryFiles() throws IOException {
        Files.writeString(tmp.resolve("index.html"), "old");
        Files.writeString(tmp.resolve("sweep.csv"), "kept");
        HtmlReport report = HtmlReport.builder("new").section("s", s -> s.paragraph("p")).build();
        report.writeTo(tmp);
        report.writeTo(tmp);
        assertThat(Files.readString(tmp.resolve("index.html"))).isEqualTo(report.toHtml());
        assertThat(Files.readString(tmp.resolve("sweep.csv"))).isEqualTo("kept");
        assertThat(list(tmp)).containsExactlyInAnyOrder("index.html", "sweep.csv");
    }

    @Test
    void writtenPageIsReadableByOthersLikeAnyNewFile() throws IOException {
        assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path index = HtmlReport.builder("r").build().writeTo(tmp);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index))).startsWith("rw-r");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("report"), "not a folder");
        assertThatThrownBy(() -> HtmlReport.builder("r").build().writeTo(file))
                .isInstanceOf(ReportException.class)
                .hasMessage("cannot write the report to " + file.toAbsolutePath() + ": it is a file, not a folder");
    }

    @Test
    void aFolderUnderAFileCannotBeCreated() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        Path folder = file.resolve("report");
        assertThatThrownBy(() -> HtmlReport.builder("r").build().writeTo(folder))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("cannot create the report folder " + folder.toAbsolutePath() + ": ");
    }

    @Test
    void aReadOnlyFolderIsAClearErrorAndLeavesNothingBehind() throws IOException {
        assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path folder = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(folder)).as("running as a user who ignores permissions (root)").isFalse();
            assertThatThrownBy(() -> HtmlReport.builder("r").build().writeTo(folder))
                    .isInstanceOf(ReportException.class)
                    .hasMessage("cannot write " + folder.toAbsolutePath().resolve("index.html") + ": permission denied");
            assertThat(list(folder)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
