package dev.crest.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.cli.CliRunner;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.SummaryFile;
import dev.crest.fuzz.diff.Tolerance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void demoLeavesEveryToolsPageAndAnIndexLinkingThem() throws IOException {
        Path out = ShortDemo.folder();
        for (String page : new String[] {"index.html", "fuzz/index.html", "fuzz/summary.json", "netsim/index.html",
            "netsim/sweep/index.html", "netsim/sweep/sweep.csv", "ame/run/index.html", "ame/run/selected.json"}) {
            assertThat(out.resolve(page)).as(page).isRegularFile();
        }
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("href=\"fuzz/index.html\"", "href=\"netsim/index.html\"",
                "href=\"netsim/sweep/index.html\"", "href=\"ame/run/index.html\"");
        assertThat(Files.readString(out.resolve("netsim/index.html"), StandardCharsets.UTF_8))
                .contains("href=\"sweep/index.html\"").contains("<svg");
    }

    @Test
    void jsonSummaryAgreesWithTheStoredResults() throws IOException {
        Path out = ShortDemo.folder();
        JsonNode doc = JSON.readTree(ShortDemo.result().out());
        assertThat(doc.get("index").asText()).isEqualTo(out.resolve("index.html").toString());

        CampaignSummary campaign = SummaryFile.read(out.resolve("fuzz"));
        assertThat(doc.at("/fuzz/modelsTested").asLong()).isEqualTo(campaign.counts().tested());
        assertThat(doc.at("/fuzz/distinctBugs").asInt()).isEqualTo(campaign.counts().uniqueBugs());
        // Replay commands name the published folder, not the staging folder the campaign ran in.
        assertThat(campaign.uniqueBugs()).allSatisfy(b -> assertThat(b.replay())
                .isEqualTo("crest fuzz replay " + out.resolve("fuzz").resolve(b.folder())));
        assertThat(campaign.settings().out()).isEqualTo(out.resolve("fuzz").toAbsolutePath().normalize().toString());
        assertThat(campaign.settings().float16Rtol()).isEqualTo(Tolerance.DEFAULT_FLOAT16_RTOL);
        assertThat(campaign.settings().keepFloat16Overflow()).isFalse();
        assertThat(Files.readString(out.resolve("fuzz/index.html"), StandardCharsets.UTF_8)).doesNotContain(".partial");
        try (Stream<Path> files = Files.walk(out.resolve("fuzz"))) {
            for (Path meta : files.filter(p -> p.getFileName().toString().equals("meta.json")).toList()) {
                assertThat(JSON.readTree(meta.toFile()).get("replay").asText()).as(meta.toString())
                        .isEqualTo("crest fuzz replay " + meta.getParent());
            }
        }

        for (String model : new String[] {"resnet50", "inception-v3"}) {
            JsonNode compare = JSON.readTree(out.resolve("netsim/compare-" + model + ".json").toFile());
            double fastest = Double.POSITIVE_INFINITY;
            for (JsonNode s : compare.get("strategies")) {
                if (!s.get("skipped").asBoolean()) {
                    fastest = Math.min(fastest, s.get("iterationSeconds").asDouble());
                }
            }
            assertThat(doc.at("/netsim/fastest/" + model + "/iterationSeconds").asDouble()).isEqualTo(fastest);
            assertThat(doc.at("/netsim/fastest/" + model + "/speedUpOverPs").asDouble()).isGreaterThanOrEqualTo(1.0);
        }

        JsonNode selected = JSON.readTree(out.resolve("ame/run/selected.json").toFile());
        Set<Integer> truth = new HashSet<>();
        Files.readAllLines(out.resolve("ame/poisoned/ground-truth.txt")).stream().filter(l -> !l.isBlank())
                .forEach(l -> truth.add(Integer.parseInt(l.strip())));
        Set<Integer> chosen = new HashSet<>();
        selected.at("/queries/0/helping/selected").forEach(p -> chosen.add(p.asInt()));
        long hits = chosen.stream().filter(truth::contains).count();
        assertThat(doc.at("/ame/selected").asInt()).isEqualTo(chosen.size());
        assertThat(doc.at("/ame/recall").asDouble()).isEqualTo((double) hits / truth.size());
        if (!chosen.isEmpty()) {
            assertThat(doc.at("/ame/precision").asDouble()).isEqualTo((double) hits / chosen.size());
        }
    }

    @Test
    void missingFashionMnistNamesThePackageAndRunsTheOtherTools() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result result = CliRunner.run("demo", "--minutes", ShortDemo.MINUTES, "--out", out.toString(),
                "--fashion-mnist", tmp.resolve("no-such-folder").toString(), "--quiet");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("apt-get install dataset-fashion-mnist");
        assertThat(result.out().strip()).isEqualTo(out.resolve("index.html").toAbsolutePath().toString());
        assertThat(out.resolve("fuzz/index.html")).isRegularFile();
        assertThat(out.resolve("netsim/index.html")).isRegularFile();
        assertThat(out.resolve("ame")).doesNotExist();
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("apt-get install dataset-fashion-mnist").doesNotContain("href=\"ame/");
    }

    @Test
    void reportRebuildsThePagesFromStoredResults() throws IOException {
        Path copy = tmp.resolve("copy");
        copyTree(ShortDemo.folder(), copy);
        String sweepBefore = Files.readString(copy.resolve("netsim/sweep/index.html"));
        for (String page : new String[] {"index.html", "fuzz/index.html", "netsim/index.html",
            "netsim/sweep/index.html", "ame/run/index.html"}) {
            Files.delete(copy.resolve(page));
        }
        CliRunner.Result result = CliRunner.run("report", copy.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("fuzz", "netsim/sweep", "ame");
        for (String page : new String[] {"index.html", "fuzz/index.html", "netsim/index.html",
            "netsim/sweep/index.html", "ame/run/index.html"}) {
            assertThat(copy.resolve(page)).as(page).isRegularFile();
        }
        // The sweep's charts and table come from sweep.csv alone, so they are the same as the demo drew them.
        assertThat(Files.readString(copy.resolve("netsim/sweep/index.html"))).contains("<svg")
                .contains(sweepBefore.substring(sweepBefore.indexOf("<svg"), sweepBefore.indexOf("</svg>")));
        assertThat(Files.readString(copy.resolve("index.html"))).contains("href=\"ame/run/index.html\"");
    }

    @Test
    void reportOfAFolderWithoutResultsStillWritesTheIndex() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRunner.Result result = CliRunner.run("report", empty.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(empty.resolve("index.html"))).contains("No results are stored in fuzz/");
    }

    @Test
    void badMinutesIsAUserError() {
        CliRunner.Result result = CliRunner.run("demo", "--minutes", "0", "--out", tmp.resolve("x").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--minutes");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
