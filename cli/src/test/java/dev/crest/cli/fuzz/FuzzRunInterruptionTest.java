package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in a terminal during {@code crest fuzz run}: the terminal signals the whole foreground process group, so
 * the campaign is started in a process group of its own and the group gets SIGINT, as from a terminal.
 */
class FuzzRunInterruptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void ctrlCToTheProcessGroupEndsTheCampaignSavedAndBlamesNoBackend() throws Exception {
        Path out = tmp.resolve("out");
        // Ten-node models over every operator: the generator spends part of its time in Z3 checks (during which Z3
        // would take SIGINT over unless told not to), and the worker, in the same group, gets the signal too.
        List<String> command = new ArrayList<>(List.of("/usr/bin/setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "fuzz", "run", "--backend",
                "onnxruntime", "--time", "10m", "--jobs", "1", "--seed", "5", "--out", out.toString(),
                "--capability-cache", tmp.resolve("cache").toString(), "--quiet"));
        Process campaign = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("campaign.log").toFile()).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            while (tested(out) < 20 && campaign.isAlive()) {
                Thread.sleep(200);
            }
            assertThat(campaign.isAlive()).as(log()).isTrue();
            campaign.descendants().forEach(started::add);
            assertThat(started).as("the campaign's worker").isNotEmpty();

            // setsid ran the campaign in place as the leader of a new group: its pid names the group.
            new ProcessBuilder("kill", "-INT", "--", "-" + campaign.pid()).inheritIO().start().waitFor();

            assertThat(campaign.waitFor(2, TimeUnit.MINUTES)).as("the campaign ends on one Ctrl-C").isTrue();
            for (ProcessHandle process : started) {
                // Throws when the process outlives the wait.
                process.onExit().get(1, TimeUnit.MINUTES);
            }
        } finally {
            campaign.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(campaign.exitValue()).as(log()).isZero();
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("stoppedBy").asText())
                .isEqualTo("interrupted");
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no backend blamed for the signal")
                    .noneMatch(name -> name.startsWith("bug-crash-"));
        }
    }

    private static long tested(Path out) throws IOException {
        Path summary = out.resolve("summary.json");
        if (!Files.exists(summary)) {
            return 0;
        }
        JsonNode counts = JSON.readTree(summary.toFile()).get("counts");
        return counts == null ? 0 : counts.get("tested").asLong();
    }

    private String log() throws IOException {
        return Files.readString(tmp.resolve("campaign.log"));
    }
}
