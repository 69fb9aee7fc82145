package dev.crest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine spark}: the same commands give the local engine's files, and a bad master is one clear error. */
class EngineOptionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private CliRunner.Result ameRun(Path out, int submodels, String... extra) throws IOException {
        StringBuilder train = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 30; i++) {
            train.append(i % 2 == 0 ? -1 - 0.05 * i : 1 + 0.04 * i).append(',').append(0.03 * (i % 7)).append(',')
                    .append(i % 2).append('\n');
        }
        List<String> args = new ArrayList<>(List.of("ame", "run", "--train", write("train.csv", train.toString())
                .toString(), "--test", write("test.csv", "x,y,label\n1,0,1\n-1,0,0\n0.1,0,1\n").toString(),
                "--queries", "0,1,2", "--outcome", "prob:target=1", "--submodels", Integer.toString(submodels),
                "--steps", "30", "--seed", "4", "--knockoff", "plain", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static List<String> sortedLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.sort(null);
        return lines;
    }

    @Test
    void ameRunOnSparkWritesTheLocalEnginesCheckpointAndScores() throws IOException {
        Path local = dir.resolve("local");
        assertThat(ameRun(local, 40, "--threads", "2").exitCode()).isZero();
        // Half on Spark, the rest resumed by the local engine: the checkpoint format is the same.
        Path mixed = dir.resolve("mixed");
        CliRunner.Result onSpark = ameRun(mixed, 20, "--engine", "spark", "--master", "local[2]");
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(ameRun(mixed, 40, "--resume", "--threads", "2").exitCode()).isZero();
        assertThat(sortedLines(mixed.resolve("outcomes.ckpt"))).isEqualTo(sortedLines(local.resolve("outcomes.ckpt")));
        assertThat(Files.readString(mixed.resolve("scores.csv"))).isEqualTo(Files.readString(local.resolve("scores.csv")));
    }

    @Test
    void anUnreachableMasterIsOneLineAndLeavesNoOutput() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path out = dir.resolve("out");
        CliRunner.Result result = ameRun(out, 10, "--engine", "spark", "--master", "spark://127.0.0.1:" + port);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("crest: error: cannot reach the Spark master spark://127.0.0.1:" + port)
                .hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void sparkOptionsWithoutTheSparkEngineAreRefused() throws IOException {
        CliRunner.Result result = ameRun(dir.resolve("out"), 10, "--master", "local[2]");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--master and --task-timeout need --engine spark");
    }
}
