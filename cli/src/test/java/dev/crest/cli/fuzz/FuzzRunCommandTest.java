package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FuzzRunCommandTest {
    @TempDir
    Path tmp;

    private String[] run(String... extra) {
        List<String> args = new ArrayList<>(List.of("fuzz", "run", "--nodes", "3", "--ops", "Add,Mul,Relu,Cos",
                "--seed", "5", "--search-iterations", "20", "--capability-cache", tmp.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void aShortCampaignWritesItsSummaryAndReportAndPrintsJson() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result result = CliRunner.run(run("--max-models", "4", "--out", out.toString(), "--json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(result.out());
        assertThat(doc.get("settings").get("seed").asLong()).isEqualTo(5);
        assertThat(doc.get("stoppedBy").asText()).isEqualTo("max-models");
        assertThat(doc.get("counts").get("tested").asLong() + doc.get("counts").get("generationFailures").asLong())
                .isEqualTo(4);
        assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile())).isEqualTo(doc);
        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains("Fuzzing campaign: onnxruntime").contains("crest fuzz run --backend onnxruntime");
        assertThat(result.err()).contains("models tested in").contains("wrote " + out.resolve("summary.json"));
    }

    @Test
    void quietPrintsNothingButTheJson() throws IOException {
        Path out = tmp.resolve("quiet");
        CliRunner.Result result = CliRunner.run(run("--max-models", "2", "--out", out.toString(), "--quiet",
                "--json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(result.out()).get("counts")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--backend=no-such-backend", "--ops=Frobnicate", "--time=0", "--time=-5m",
        "--time=soon", "--max-models=0", "--opset=5", "--jobs=0", "--rtol=-1"})
    void badInputIsOneLineAndExitCodeTwo(String option) {
        List<String> args = new ArrayList<>(List.of(run("--out", tmp.resolve("bad").toString())));
        if (!option.startsWith("--max-models")) {
            args.add("--max-models=3");
        }
        args.add(option);
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).as(result.err()).singleElement().asString()
                .startsWith("crest: error: ");
    }

    @Test
    void anUnwritableOutputFolderIsOneLineAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliRunner.Result result = CliRunner.run(run("--max-models", "1", "--out", file.resolve("out").toString()));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).singleElement().asString()
                .startsWith("crest: error: cannot write to the output folder");
    }

    @Test
    void neitherATimeNorAModelCountIsOneLineAndExitCodeTwo() {
        CliRunner.Result result = CliRunner.run(run("--out", tmp.resolve("none").toString()));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).singleElement().asString().contains("--time");
    }

    @Test
    void aCorruptedReplayFolderIsOneLineAndExitCodeTwo() throws IOException {
        Path finding = Files.createDirectories(tmp.resolve("bug-crash-compile-0"));
        Files.writeString(finding.resolve("meta.json"), "{ not json");
        CliRunner.Result result = CliRunner.run("fuzz", "replay", finding.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).singleElement().asString().startsWith("crest: error: finding");
    }
}
