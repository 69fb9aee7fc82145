package dev.crest.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.cli.CliRunner;
import dev.crest.graph.onnx.AtomicFiles;
import java.nio.file.Path;

/**
 * One shortened {@code crest demo} (a few seconds of each tool) shared by the demo's tests in this JVM, so the
 * command line test and the browser test look at the same output without running the tools twice.
 */
final class ShortDemo {
    /** Short enough for a test, long enough that every tool produces results. */
    static final String MINUTES = "0.05";

    private static Path folder;
    private static CliRunner.Result result;

    private ShortDemo() {
    }

    /** The demo's output folder, running the demo the first time it is asked for. */
    static synchronized Path folder() {
        if (folder == null) {
            Path out = Path.of("target", "short-demo").toAbsolutePath();
            AtomicFiles.deleteTree(out);
            result = CliRunner.run("demo", "--minutes", MINUTES, "--out", out.toString(), "--json");
            assertThat(result.exitCode()).as(result.err()).isZero();
            folder = out;
        }
        return folder;
    }

    /** What the shared demo run printed. */
    static synchronized CliRunner.Result result() {
        folder();
        return result;
    }
}
