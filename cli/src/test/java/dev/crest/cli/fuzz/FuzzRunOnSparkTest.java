package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.cli.CliRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crest fuzz run --engine spark}: a campaign in shards merged into one folder, and its bad input. */
class FuzzRunOnSparkTest {
    @TempDir
    Path tmp;

    private String[] run(String... extra) {
        return SmallCampaign.args(tmp, extra);
    }

    @Test
    void aCampaignInTwoShardsWritesOneSummaryWithTheShardsAndTheReport() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result result = CliRunner.run(run("--max-models", "4", "--out", out.toString(), "--engine", "spark",
                "--master", "local[2]", "--shards", "2", "--json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(doc.get("settings").get("seed").asLong()).isEqualTo(5);
        assertThat(doc.get("counts").get("generated").asLong()).isEqualTo(4);
        assertThat(doc.get("shards").get("planned").asInt()).isEqualTo(2);
        assertThat(doc.get("shards").get("succeeded").asInt()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(result.out()).get("counts")).isEqualTo(doc.get("counts"));
        assertThat(Files.readString(out.resolve("index.html"))).contains("Fuzzing campaign: onnxruntime");
        assertThat(result.err()).contains("campaign seed 5 in 2 shards on Spark local[2]")
                .contains("models tested in 2 shards");
    }

    @Test
    void anUnreachableMasterIsOneLineAndLeavesNoOutput() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path out = tmp.resolve("unreached");
        CliRunner.Result result = CliRunner.run(run("--max-models", "2", "--out", out.toString(), "--engine",
                "spark", "--master", "spark://127.0.0.1:" + port));
        assertThat(result.exitCode()).isEqualTo(2);
        // EngineOptions looks for the executor jar a cluster needs before it probes the master, so where that jar
        // is not built the missing jar is the one error.
        assertThat(result.err()).hasLineCount(1).matches("crest: error: cannot (reach the Spark master spark://127"
                + "\\.0\\.0\\.1:" + port + " |find the Crest executor jar ).*\\R");
        assertThat(out).doesNotExist();
    }

    @Test
    void badShardOptionsAreOneLineAndExitCodeTwo() {
        String out = tmp.resolve("bad").toString();
        CliRunner.Result zero = CliRunner.run(run("--max-models", "2", "--out", out, "--engine", "spark",
                "--master", "local[2]", "--shards", "0"));
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("crest: error: --shards must be at least 1, got 0\n");
        CliRunner.Result local = CliRunner.run(run("--max-models", "2", "--out", out, "--shards", "4"));
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err()).contains("--shards needs --engine spark").hasLineCount(1);
        CliRunner.Result resumed = CliRunner.run(run("--max-models", "2", "--out", out, "--engine", "spark",
                "--resume"));
        assertThat(resumed.exitCode()).isEqualTo(2);
        assertThat(resumed.err()).contains("--resume needs the local engine").hasLineCount(1);
        assertThat(tmp.resolve("bad")).doesNotExist();
    }
}
