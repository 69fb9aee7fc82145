package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.backend.Stage;
import dev.crest.fuzz.backend.TargetRun;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.diff.DivergingPair;
import dev.crest.fuzz.diff.Finding;
import dev.crest.fuzz.diff.Symptom;
import dev.crest.fuzz.diff.TestCase;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.fuzz.localize.Localization;
import dev.crest.fuzz.localize.LocalizedNode;
import dev.crest.fuzz.localize.TypedValue;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzHtmlReportTest {
    @TempDir
    Path out;

    private static CampaignSummary summary(List<CampaignSummary.BugRecord> bugs, List<String> exclusions) {
        return new CampaignSummary(CampaignSummary.FORMAT, "dev",
                new CampaignSummary.SettingsRecord(List.of("onnxruntime"), 600.0, null, 9, 10, 17, List.of(), 1e-2,
                        1e-3, 10, 0.02, null, "fuzz-out", 2),
                List.of(new CampaignSummary.RunRecord("onnxruntime-noopt", null),
                        new CampaignSummary.RunRecord("onnxruntime-opt", "onnxruntime-noopt")),
                Map.of("reference", "dev", "onnxruntime-noopt", "1.23.2", "onnxruntime-opt", "1.23.2"),
                "2026-11-26T01:00:00Z", 600, "time",
                new CampaignSummary.Counts(120, 1, 3, 120, 110, 2, 8, bugs.size(), Map.of("inconsistency", 8L),
                        Map.of("verify", 8L), Map.of("onnxruntime-opt vs onnxruntime-noopt (opt-vs-noopt)", 8L)),
                bugs, new CampaignSummary.Throughput(0.2, 400, 60, 100), exclusions);
    }

    @Test
    void eachDistinctBugHasItsGraphFactsAndReplayCommand() throws IOException {
        Graph graph = Graph.builder().name("g").input("x", TensorType.of(DType.FLOAT32, 4))
                .node(Node.builder("Relu").name("relu_node").inputs("x").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 4)).build();
        Path folder = Files.createDirectories(out.resolve("bug-inconsistency-verify-0"));
        Files.write(folder.resolve("model.onnx"), OnnxModels.toBytes(Model.of(graph)));
        CampaignSummary.BugRecord bug = new CampaignSummary.BugRecord("0123456789ab", "inconsistency", "verify",
                "onnxruntime-opt", "1.23.2", "onnxruntime-opt vs onnxruntime-noopt (opt-vs-noopt)",
                "onnxruntime-opt disagrees with onnxruntime-noopt: output '_' element #: # vs #", null, 8,
                "bug-inconsistency-verify-0", 42, "onnxruntime-opt disagrees with onnxruntime-noopt: output 'y' "
                + "element 1: 2 vs 3", 1, 0.5, "crest fuzz replay " + folder);

        String page = FuzzHtmlReport.build(out, summary(List.of(bug), List.of("x supports no dtype of Cos"))).toHtml();

        assertThat(page).contains("Bug 0123456789ab: inconsistency at verify on onnxruntime-opt (8 findings)")
                .contains("<svg").contains("Relu")
                .contains("crest fuzz replay " + folder)
                .contains("output &#39;y&#39; element 1: 2 vs 3").contains("Excluded operators")
                .contains("x supports no dtype of Cos")
                .contains("crest fuzz run --backend onnxruntime --time 600s --seed 9 --nodes 10 --opset 17 --out fuzz-out");
    }

    @Test
    void aLocalizedBugShowsItsNodeFactsAndOutlinesTheNodeInTheGraph() {
        Model model = Model.of(Graph.builder().name("g").input("x", TensorType.of(DType.FLOAT32, 4))
                .node(Node.builder("Relu").name("relu_node").inputs("x").outputs("r").build())
                .node(Node.builder("LeakyRelu").name("leaky").inputs("r").outputs("y")
                        .attributes(Attributes.builder().put("alpha", 0.25).build()).build())
                .output("y", TensorType.of(DType.FLOAT32, 4)).build());
        Map<String, Tensor> inputs = Map.of("x", Tensor.fromDoubles(DType.FLOAT32, Shape.of(4), new double[] {1, 2, 3, 4}));
        Localization where = new Localization(Localization.INTERMEDIATES, "onnxruntime-opt", "onnxruntime-noopt",
                new LocalizedNode(1, "leaky", "LeakyRelu", Map.of("alpha", "0.25"),
                        List.of(new TypedValue("r", "float32", List.of(4))),
                        List.of(new TypedValue("y", "float32", List.of(4)))),
                "y", 1.5, 0.5, "output 'y' element 1: 2.5 vs 1.0", false, true, "");
        Finding finding = new Finding(Symptom.INCONSISTENCY, Stage.VERIFY, "onnxruntime-opt", "1.23.2",
                Optional.of(new DivergingPair("onnxruntime-opt", "onnxruntime-noopt", DivergingPair.Kind.OPT_VS_NOOPT)),
                1.5, 0.5, "onnxruntime-opt disagrees with onnxruntime-noopt: output 'y' element 1: 2.5 vs 1.0", "")
                .withLocalization(where);
        Map<String, Tensor> outputs = Map.of("y", inputs.get("x"));
        Path folder = new FindingStore(out).save(TestCase.of(model, inputs, outputs, 3), finding,
                List.of(TargetRun.of("onnxruntime-noopt"), TargetRun.optimized("onnxruntime-opt", "onnxruntime-noopt")),
                Tolerance.DEFAULT, Map.of());
        CampaignSummary.BugRecord bug = new CampaignSummary.BugRecord("0123456789ab", "inconsistency", "verify",
                "onnxruntime-opt", "1.23.2", "onnxruntime-opt vs onnxruntime-noopt (opt-vs-noopt)", "sig",
                where.operatorWithDtype(), 1, out.relativize(folder).toString(), 3, finding.message(), 1.5, 0.5,
                "crest fuzz replay " + folder);

        String page = FuzzHtmlReport.build(out, summary(List.of(bug), List.of())).toHtml();

        assertThat(page).contains("Localized to LeakyRelu &#39;leaky&#39; (node 2) LeakyRelu(float32)")
                .contains("attribute alpha").contains("0.25").contains("input r").contains("float32[4]")
                .contains("onnxruntime-noopt agrees with the reference there")
                .contains("outlined in red").contains("class=\"localized\"");
    }

    /** Writes {@code bug}'s reduced case, a one-node Softmax model, and returns its folder. */
    private static Path reducedToSoftmax(Path bug) throws IOException {
        Path reduced = Files.createDirectories(bug.resolve("reduced"));
        Graph oneNode = Graph.builder().name("g").input("r", TensorType.of(DType.FLOAT32, 1))
                .node(Node.builder("Softmax").name("soft").inputs("r").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 1)).build();
        Files.write(reduced.resolve("model.onnx"), OnnxModels.toBytes(Model.of(oneNode)));
        return reduced;
    }

    @Test
    void aReducedCaseIsDescribedDrawnAndReplayable() throws IOException {
        Path folder = Files.createDirectories(out.resolve("bug-crash-compile-0"));
        Graph graph = Graph.builder().name("g").input("x", TensorType.of(DType.FLOAT32, 4))
                .node(Node.builder("Relu").name("relu_node").inputs("x").outputs("r").build())
                .node(Node.builder("Softmax").name("soft").inputs("r").outputs("y").build())
                .output("y", TensorType.of(DType.FLOAT32, 4)).build();
        Files.write(folder.resolve("model.onnx"), OnnxModels.toBytes(Model.of(graph)));
        Path reduced = reducedToSoftmax(folder);
        Files.writeString(reduced.resolve("reduction.json"), "{\"nodesBefore\": 2, \"nodesAfter\": 1, "
                + "\"operators\": [\"Softmax\"], \"attempts\": 7, \"elapsedSeconds\": 1.5, \"cutShort\": false}");
        CampaignSummary.BugRecord bug = new CampaignSummary.BugRecord("0123456789ab", "crash", "compile",
                "onnxruntime-opt", "1.23.2", null, "sig", null, 1, "bug-crash-compile-0", 3, "boom", 0, 0,
                "crest fuzz replay " + folder);

        String page = FuzzHtmlReport.build(out, summary(List.of(bug), List.of())).toHtml();

        assertThat(page).contains("Reduced from 2 to 1 node (Softmax) in 1.5 s, 7 candidates tested.")
                .contains("The reduced model of bug 0123456789ab")
                .contains("crest fuzz replay " + reduced);
    }

    @Test
    void aReducedCaseMovedIntoPlaceShowsTheReplayCommandItsMetaRecords() throws IOException {
        Path reduced = reducedToSoftmax(out.resolve("bug-crash-compile-0"));
        // Written while staged, about to be published elsewhere (as the demo does): meta.json names the final place.
        Files.writeString(reduced.resolve("meta.json"), "{\"format\": 1, \"symptom\": \"crash\", \"stage\": "
                + "\"compile\", \"replay\": \"crest fuzz replay /published/bug-crash-compile-0/reduced\"}");
        CampaignSummary.BugRecord bug = new CampaignSummary.BugRecord("0123456789ab", "crash", "compile",
                "onnxruntime-opt", "1.23.2", null, "sig", null, 1, "bug-crash-compile-0", 3, "boom", 0, 0,
                "crest fuzz replay /published/bug-crash-compile-0");

        String page = FuzzHtmlReport.build(out, summary(List.of(bug), List.of())).toHtml();

        assertThat(page).contains("crest fuzz replay /published/bug-crash-compile-0/reduced")
                .doesNotContain("crest fuzz replay " + reduced);
    }

    @Test
    void aMissingModelIsSaidNotFatal() {
        CampaignSummary.BugRecord bug = new CampaignSummary.BugRecord("0123456789ab", "crash", "compile",
                "onnxruntime-opt", "1.23.2", null, "sig", null, 1, "bug-crash-compile-0", 42, "died", 0, 0,
                "crest fuzz replay x");
        String page = FuzzHtmlReport.build(out, summary(List.of(bug), List.of())).toHtml();
        assertThat(page).contains("The model graph cannot be drawn").doesNotContain("Excluded operators");
    }
}
