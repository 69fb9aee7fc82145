package dev.crest.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during the demo's fuzzing campaign, sent to a demo running in its own JVM. */
class DemoInterruptionTest {
    @TempDir
    Path tmp;

    @Test
    void ctrlCDuringTheCampaignStopsItWholeAndLeavesNoStagingFolder() throws Exception {
        Path out = tmp.resolve("out");
        // What an earlier demo left: it must survive the interrupted one.
        Files.createDirectories(out.resolve("fuzz"));
        Files.writeString(out.resolve("fuzz/earlier.txt"), "earlier");
        Path stagedSummary = out.resolve(".fuzz.partial/summary.json");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "demo", "--minutes", "2", "--out",
                out.toString(), "--fashion-mnist", tmp.resolve("none").toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("demo.log").toFile()).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            // The campaign runs in a child process and writes its summary a few seconds in: then it is fuzzing.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(stagedSummary) && demo.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(stagedSummary).as(Files.readString(tmp.resolve("demo.log"))).exists();
            demo.descendants().forEach(started::add);
            assertThat(started).as("the campaign's process and its worker").hasSizeGreaterThanOrEqualTo(2);

            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).inheritIO().start().waitFor();

            assertThat(demo.waitFor(2, TimeUnit.MINUTES)).as("the demo ends").isTrue();
            for (ProcessHandle process : started) {
                // Throws when the process outlives the wait.
                process.onExit().get(1, TimeUnit.MINUTES);
            }
        } finally {
            demo.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
        String log = Files.readString(tmp.resolve("demo.log"));
        assertThat(demo.exitValue()).as(log).isEqualTo(DemoInterruption.EXIT_CODE);
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as(log).containsExactly("fuzz");
        }
        assertThat(out.resolve("fuzz/earlier.txt")).hasContent("earlier");
    }
}
