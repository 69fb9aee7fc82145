package dev.crest.cli.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.cli.CliRunner;
import dev.crest.cli.Main;
import dev.crest.graph.ModelSummary;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.netsim.sim.Result;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.TraceWorkloads;
import dev.crest.netsim.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end checks of {@code crest netsim run|compare|models|strategies} on a tiny trace workload. */
class NetsimCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path trace;

    @BeforeEach
    void writeTrace() throws IOException {
        trace = TinyTrace.writeInto(tmp);
    }

    @Test
    void runJsonMatchesTheSimulatorCalledWithTheSameSettings() throws IOException {
        CliRunner.Result r = CliRunner.run("netsim", "run", "--model", trace.toString(), "--workers", "3", "--bandwidth",
                "10Gbps", "--strategy", "ps+agg", "--latency", "5us", "--mtu", "250000", "--busiest-links", "2",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());

        // The same run built directly through the library, not through the flag vocabulary.
        Workload workload = TraceWorkloads.read(trace, 0.01);
        SimulationSettings settings = SimulationSettings.defaults().withWorkers(3).withBandwidth(10e9)
                .withLatency(5e-6).withMtu(250_000).withBusiestLinks(2);
        Result expected = Simulation.of(workload, TopologySpec.singleRack(), Strategies.byName("ps+agg"), settings)
                .run();

        assertThat(doc.get("iterationSeconds").asDouble()).isEqualTo(expected.iterationSeconds()).isPositive();
        assertThat(doc.get("strategy").asText()).isEqualTo("ps+agg");
        assertThat(doc.get("workers").asInt()).isEqualTo(3);
        assertThat(doc.get("modelBits").asLong()).isEqualTo(6_000_000);
        assertThat(doc.get("breakdown").get("gradientExchangeSeconds").asDouble())
                .isEqualTo(expected.breakdown().gradientExchangeSeconds());
        assertThat(doc.get("breakdown").get("parameterDistributionSeconds").asDouble())
                .isEqualTo(expected.breakdown().parameterDistributionSeconds());
        assertThat(doc.get("busiestLinks")).hasSize(2);
        assertThat(doc.get("busiestLinks").get(0).get("bits").asLong()).isEqualTo(expected.busiestLinks().get(0).bits());
        double max = 0;
        for (double f : expected.workerFinishSeconds()) {
            max = Math.max(max, f);
        }
        assertThat(doc.get("workerFinishSeconds").get("max").asDouble()).isEqualTo(max);
        assertThat(doc.get("settings").get("bandwidth").asText()).isEqualTo("10G");
        assertThat(doc.get("settings").get("latency").asText()).isEqualTo("5us");
    }

    @Test
    void runTextShowsTheBreakdownAndBusiestLinks() {
        CliRunner.Result r = CliRunner.run("netsim", "run", "--model", trace.toString(), "--workers", "2", "--bandwidth", "25G");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("iteration time:").contains("parameter distribution done")
                .contains("gradient exchange tail").contains("worker finish times: min").contains("busiest links:")
                .contains("ps0");
    }

    @Test
    void runTakesAnOnnxModelWhoseParametersAreItsInitializers() throws IOException {
        Path model = Path.of("..", "examples", "mlp", "model.onnx");
        CliRunner.Result r = CliRunner.run("netsim", "run", "--model", model.toString(), "--workers", "2", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        long expectedBits = ModelSummary.of(OnnxModels.read(model)).parameterBytes() * 8;
        assertThat(doc.get("modelBits").asLong()).isEqualTo(expectedBits).isPositive();
        assertThat(doc.get("iterationSeconds").asDouble()).isPositive();
    }

    @Test
    void ratesParseInEveryForm() throws IOException {
        String[][] cases = {{"25G", "25G"}, {"100Gbps", "100G"}, {"10e9", "10G"}, {"400M", "400M"}};
        for (String[] c : cases) {
            CliRunner.Result r = CliRunner.run("netsim", "run", "--model", trace.toString(), "--workers", "1", "--bandwidth",
                    c[0], "--json");
            assertThat(r.exitCode()).as(c[0] + ": " + r.err()).isZero();
            assertThat(JSON.readTree(r.out()).get("settings").get("bandwidth").asText()).isEqualTo(c[1]);
        }
    }

    @Test
    void compareRunsEveryStrategyAndRelatesItToPs() throws IOException {
        CliRunner.Result r = CliRunner.run("netsim", "compare", "--model", trace.toString(), "--workers", "4", "--bandwidth",
                "25G", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        List<String> names = new ArrayList<>();
        doc.get("strategies").forEach(s -> names.add(s.get("strategy").asText()));
        assertThat(names).containsExactlyElementsOf(Strategies.names());
        double ps = doc.get("strategies").get(0).get("iterationSeconds").asDouble();
        for (JsonNode s : doc.get("strategies")) {
            if (!s.get("skipped").asBoolean()) {
                double t = s.get("iterationSeconds").asDouble();
                assertThat(s.get("speedUpOverPs").asDouble()).isEqualTo(ps / t);
            }
        }
        assertThat(doc.get("strategies").get(0).get("speedUpOverPs").asDouble()).isEqualTo(1.0);

        CliRunner.Result text = CliRunner.run("netsim", "compare", "--model", trace.toString(), "--workers", "4");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("speed-up over ps").contains("ps+agg+multicast").contains("1.00x");
    }

    @Test
    void compareCanBeLimitedToSomeStrategiesAndStillMeasuresPs() throws IOException {
        CliRunner.Result r = CliRunner.run("netsim", "compare", "--model", trace.toString(), "--workers", "2",
                "--strategies", "ps+multicast", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("strategies")).hasSize(2);
        assertThat(doc.get("strategies").get(0).get("strategy").asText()).isEqualTo("ps");
        assertThat(doc.get("strategies").get(1).get("strategy").asText()).isEqualTo("ps+multicast");
    }

    @Test
    void compareListsStrategiesThatCannotRunWithTheReason() throws IOException {
        // A k=4 fat-tree has 16 host ports: 16 workers fit, 16 workers plus a parameter server do not.
        CliRunner.Result r = CliRunner.run("netsim", "compare", "--model", trace.toString(), "--workers", "16", "--topology",
                "fat-tree", "--fat-tree-k", "4", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        for (JsonNode s : doc.get("strategies")) {
            if (Strategies.byName(s.get("strategy").asText()).usesParameterServers()) {
                assertThat(s.get("skipped").asBoolean()).as(s.toString()).isTrue();
                assertThat(s.get("reason").asText()).contains("fat-tree").contains("17");
            } else if (s.get("skipped").asBoolean()) {
                assertThat(s.get("reason").asText()).isNotBlank();
            } else {
                // Without a ps baseline there is no speed-up to report.
                assertThat(s.get("speedUpOverPs").isNull()).as(s.toString()).isTrue();
            }
        }
        CliRunner.Result text = CliRunner.run("netsim", "compare", "--model", trace.toString(), "--workers", "16",
                "--topology", "fat-tree", "--fat-tree-k", "4");
        assertThat(text.out()).contains("skipped: ").doesNotContain("NaN");
    }

    @Test
    void butterflyAtSixWorkersIsSkippedInCompareAndRefusedInRun() throws IOException {
        Assumptions.assumeTrue(Strategies.names().contains("butterfly"),
                "butterfly is not in the Strategies registry of this build yet");
        CliRunner.Result r = CliRunner.run("netsim", "compare", "--model", trace.toString(), "--workers", "6", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode butterfly = null;
        for (JsonNode s : JSON.readTree(r.out()).get("strategies")) {
            if (s.get("strategy").asText().equals("butterfly")) {
                butterfly = s;
            }
        }
        assertThat(butterfly).isNotNull();
        assertThat(butterfly.get("skipped").asBoolean()).isTrue();
        assertThat(butterfly.get("reason").asText()).containsPattern("power.of.two");
        CliRunner.Result run = CliRunner.run("netsim", "run", "--model", trace.toString(), "--workers", "6", "--strategy",
                "butterfly");
        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.err()).startsWith("crest: error: ").containsPattern("power.of.two");
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void modelsListsTheZooWithSizes() throws IOException {
        CliRunner.Result r = CliRunner.run("netsim", "models", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode vgg = null;
        for (JsonNode m : JSON.readTree(r.out()).get("models")) {
            if (m.get("name").asText().equals("vgg16")) {
                vgg = m;
            }
        }
        assertThat(vgg).isNotNull();
        // The standard VGG16 at 224x224: 138,357,544 float32 parameters.
        assertThat(vgg.get("parameters").asLong()).isEqualTo(138_357_544L);
        assertThat(vgg.get("bits").asLong()).isEqualTo(138_357_544L * 32);
        assertThat(vgg.get("forwardSeconds").asDouble()).isPositive();
        assertThat(CliRunner.run("netsim", "models").out()).contains("inception-v3").contains("resnet101");
    }

    @Test
    void strategiesListsTheRegistry() throws IOException {
        CliRunner.Result r = CliRunner.run("netsim", "strategies", "--json");
        assertThat(r.exitCode()).isZero();
        List<String> names = new ArrayList<>();
        JSON.readTree(r.out()).get("strategies").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(Strategies.names());
    }

    @Test
    void helpShowsEveryDefault() {
        CliRunner.Result r = CliRunner.run("netsim", "run", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--bandwidth").contains("default: 25G").contains("default: 10us")
                .contains("default: single-rack").contains("--config");
        assertThat(CliRunner.run("netsim", "--help").out()).contains("run").contains("compare").contains("sweep")
                .contains("models");
        assertThat(CliRunner.run("--help").out()).contains("netsim");
    }

    @Test
    void configFileSitsBetweenDefaultsAndFlags() throws IOException {
        Path yaml = tmp.resolve("net.yaml");
        Files.writeString(yaml, "model: " + trace + "\nworkers: 4\nbandwidth: 10G\nlatency: 2us\n");
        CliRunner.Result r = CliRunner.run("netsim", "run", "--config", yaml.toString(), "--workers", "2", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("workers").asInt()).isEqualTo(2);
        assertThat(doc.get("settings").get("bandwidth").asText()).isEqualTo("10G");
        assertThat(doc.get("settings").get("latency").asText()).isEqualTo("2us");
        assertThat(doc.get("settings").get("mtu").asText())
                .isEqualTo(Long.toString(SimulationSettings.DEFAULT_MTU));

        Path json = tmp.resolve("net.json");
        Files.writeString(json, "{\"model\": \"" + trace.toString().replace("\\", "\\\\") + "\", \"workers\": 3}");
        CliRunner.Result j = CliRunner.run("netsim", "run", "--config", json.toString(), "--json");
        assertThat(j.exitCode()).as(j.err()).isZero();
        assertThat(JSON.readTree(j.out()).get("workers").asInt()).isEqualTo(3);
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws IOException {
        Path badTrace = tmp.resolve("bad.csv");
        Files.writeString(badTrace, "# forward_seconds=0.01\n0.0,lots,fc\n");
        Path badOnnx = tmp.resolve("bad.onnx");
        Files.write(badOnnx, new byte[] {0x08, (byte) 0xff, 0x12, 0x7f, 0x00, 0x42});
        Path typoConfig = tmp.resolve("typo.yaml");
        Files.writeString(typoConfig, "bandwith: 25G\n");
        String model = trace.toString();
        String[][] cases = {
            {"netsim", "run", "--model", "alexnet-9000"},
            {"netsim", "run", "--model", model, "--strategy", "carrier-pigeon"},
            {"netsim", "run", "--model", model, "--bandwidth", "0"},
            {"netsim", "run", "--model", model, "--bandwidth", "-25G"},
            {"netsim", "run", "--model", model, "--bandwidth", "fast"},
            {"netsim", "run", "--model", model, "--workers", "0"},
            {"netsim", "run", "--model", model, "--workers", "2,4"},
            {"netsim", "run", "--model", badTrace.toString()},
            {"netsim", "run", "--model", badOnnx.toString()},
            {"netsim", "run", "--model", tmp.resolve("missing.csv").toString()},
            {"netsim", "run", "--config", typoConfig.toString()},
            {"netsim", "run", "--config", tmp.resolve("nowhere.yaml").toString()},
            {"netsim", "compare", "--model", model, "--strategies", "ps,warp-drive"},
            {"netsim", "sweep", "--model", model, "--workers", "2,4,...,16", "--out", tmp.resolve("s").toString()},
            {"netsim", "sweep", "--model", "nosuchnet", "--out", tmp.resolve("s").toString()},
        };
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            String label = String.join(" ", args);
            assertThat(r.exitCode()).as(label + "\n" + r.err()).isEqualTo(Main.USER_ERROR);
            assertThat(r.err()).as(label).startsWith("crest: error: ").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(r.err().strip().lines().count()).as(label + ": " + r.err()).isEqualTo(1);
        }
        assertThat(CliRunner.run("netsim", "run", "--config", typoConfig.toString()).err())
                .contains("unknown setting 'bandwith'").contains("bandwidth");
        assertThat(CliRunner.run("netsim", "run", "--model", model, "--bandwidth", "-25G").err()).contains("positive");
    }
}
