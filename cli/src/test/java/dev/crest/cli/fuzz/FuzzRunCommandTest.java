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
        return SmallCampaign.args(tmp, extra);
    }

    @Test
    void aShortCampaignWritesItsSummaryAndReportAndPrintsJson() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result result = CliRunner.run(run("--max-models", "4", "--out", out.toString(), "--json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(result.out());
        assertThat(doc.get("settings").get("seed").asLong()).isEqualTo(5);
        assertThat(doc.get("settings").get("float16Rtol").asDouble()).isEqualTo(5e-2);
        assertThat(doc.get("settings").get("float16Atol").asDouble()).isEqualTo(1e-2);
        assertThat(doc.get("settings").get("keepFloat16Overflow").asBoolean()).isFalse();
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
    void twoJobsComparedBackendsAndTheFloat16SettingsAreRecordedInTheSummary() throws IOException {
        Path out = tmp.resolve("jobs");
        CliRunner.Result result = CliRunner.run(run("--max-models", "4", "--jobs", "2", "--backend",
                "onnxruntime-noopt", "--compare", "onnxruntime-opt", "--out", out.toString(), "--quiet",
                "--keep-float16-overflow", "--float16-rtol", "0.125", "--float16-atol", "0.25"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(doc.get("settings").get("jobs").asInt()).isEqualTo(2);
        assertThat(doc.get("settings").get("float16Rtol").asDouble()).isEqualTo(0.125);
        assertThat(doc.get("settings").get("float16Atol").asDouble()).isEqualTo(0.25);
        assertThat(doc.get("settings").get("keepFloat16Overflow").asBoolean()).isTrue();
        assertThat(doc.get("settings").get("compare").toString()).isEqualTo("[\"onnxruntime-opt\"]");
        assertThat(doc.get("runs").findValuesAsText("backend")).containsExactly("onnxruntime-noopt", "onnxruntime-opt");
        assertThat(doc.get("progress").get("modelsFinished").asLong()).isEqualTo(4);
    }

    @Test
    void aUsedFolderIsRefusedWithoutResumeAndResumeContinuesTheCampaign() throws IOException {
        Path out = tmp.resolve("resumed");
        assertThat(CliRunner.run(run("--max-models", "3", "--out", out.toString(), "--quiet")).exitCode()).isZero();
        CliRunner.Result refused = CliRunner.run(run("--max-models", "3", "--out", out.toString()));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip().lines()).singleElement().asString()
                .isEqualTo("crest: error: the output folder " + out + " is not empty; pass --resume to continue the "
                        + "campaign in it, or choose another --out folder");

        List<String> resume = new ArrayList<>(List.of(run("--max-models", "6", "--out", out.toString(), "--resume")));
        // Without --seed the campaign's own seed is used.
        int seed = resume.indexOf("--seed");
        resume.subList(seed, seed + 2).clear();
        CliRunner.Result resumed = CliRunner.run(resume.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming the campaign with seed 5");
        JsonNode doc = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(doc.get("counts").get("tested").asLong() + doc.get("counts").get("generationFailures").asLong())
                .isEqualTo(6);
        assertThat(doc.get("progress").get("runs").asInt()).isEqualTo(2);
        assertThat(doc.get("settings").get("seed").asLong()).isEqualTo(5);
    }

    @Test
    void aCampaignKilledWithSigkillIsResumable() throws Exception {
        Path out = tmp.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), dev.crest.cli.Main.class.getName()));
        command.addAll(List.of(run("--max-models", "100000", "--jobs", "1", "--out", out.toString(), "--quiet")));
        Process campaign = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long finished = 0;
        try {
            // summary.json is rewritten every 10 s; wait for one that records finished models, then kill.
            while (finished < 1 && campaign.isAlive()) {
                Thread.sleep(500);
                if (Files.exists(out.resolve("summary.json"))) {
                    finished = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("progress")
                            .get("modelsFinished").asLong();
                }
            }
        } finally {
            List<ProcessHandle> workers = campaign.descendants().toList();
            campaign.destroyForcibly().waitFor();
            workers.forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(finished).as(Files.readString(tmp.resolve("killed.log"))).isPositive();
        JsonNode atKill = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long total = atKill.get("progress").get("modelsFinished").asLong() + 3;

        CliRunner.Result resumed = CliRunner.run(run("--max-models", Long.toString(total), "--out", out.toString(),
                "--resume", "--quiet"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(doc.get("counts").get("tested").asLong() + doc.get("counts").get("generationFailures").asLong())
                .isEqualTo(total);
        assertThat(doc.get("stoppedBy").asText()).isEqualTo("max-models");
        try (var entries = Files.list(out)) {
            assertThat(entries.filter(p -> p.getFileName().toString().startsWith("bug-")).count())
                    .isEqualTo(doc.get("counts").get("uniqueBugs").asLong());
        }
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
