package dev.crest.cli.fuzz;

import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.GeneratedModelFiles;
import dev.crest.fuzz.gen.GeneratedNode;
import dev.crest.fuzz.gen.GeneratedValue;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.gen.ValueRole;
import dev.crest.fuzz.spec.OpSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crest fuzz gen}: generate one valid ONNX model and write it with its generation record. */
@Command(
        name = "gen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Generate one valid ONNX model by solver-checked operator insertion.",
            "Writes model.onnx and gir.json (the graph with symbolic and concrete shapes, seed and settings) "
                + "into the output folder, and graph.svg / graph.dot on request. The same seed gives the same model."})
public final class FuzzGenCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", description = "operator nodes to insert (default: ${DEFAULT-VALUE})")
    private int nodes = GeneratorSettings.DEFAULT_NODES;

    @Option(names = "--seed", paramLabel = "SEED", description = "random seed (default: a fresh one, printed)")
    private Long seed;

    @Option(names = "--opset", paramLabel = "VERSION", description = "ONNX opset to emit (default: ${DEFAULT-VALUE})")
    private int opset = GeneratorSettings.DEFAULT_OPSET;

    @Option(names = "--ops", paramLabel = "OP", split = ",",
            description = "comma-separated operators to use (default: every specified operator)")
    private List<String> operators;

    @Option(names = {"-o", "--out"}, paramLabel = "FOLDER", required = true, description = "output folder")
    private Path out;

    @Option(names = "--svg", description = "also draw the graph into graph.svg")
    private boolean svg;

    @Option(names = "--dot", description = "also write the graph in Graphviz DOT into graph.dot")
    private boolean dot;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Override
    public Integer call() {
        OpSpecs specs = OpSpecs.standard();
        if (operators != null) {
            specs = specs.only(new LinkedHashSet<>(operators.stream().map(String::trim).toList()));
        }
        long chosenSeed = seed != null ? seed : new SecureRandom().nextLong();
        GeneratorSettings settings = GeneratorSettings.defaults(chosenSeed).withNodes(nodes).withOpset(opset)
                .withOperators(List.copyOf(specs.all()));
        GeneratedModel generated = Generator.generate(settings);
        List<Path> files = GeneratedModelFiles.write(generated, out, svg, dot);

        PrintWriter stdout = spec.commandLine().getOut();
        Map<String, Long> operatorCounts = generated.nodes().stream()
                .collect(Collectors.groupingBy(GeneratedNode::opType, TreeMap::new, Collectors.counting()));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("seed", chosenSeed);
            doc.put("opset", opset);
            doc.put("nodes", generated.nodes().size());
            doc.put("operators", operatorCounts);
            doc.put("inputs", names(generated, ValueRole.INPUT));
            doc.put("weights", names(generated, ValueRole.WEIGHT));
            doc.put("outputs", generated.model().graph().outputs().stream().map(v -> v.name()).toList());
            doc.put("files", files.stream().map(Path::toString).toList());
            JsonOutput.print(stdout, doc);
            return 0;
        }
        stdout.printf("generated %d nodes (%s) with seed %d: %d inputs, %d weights, %d outputs%n",
                generated.nodes().size(), operatorCounts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")),
                chosenSeed, names(generated, ValueRole.INPUT).size(), names(generated, ValueRole.WEIGHT).size(),
                generated.model().graph().outputs().size());
        files.forEach(file -> stdout.println("wrote " + file));
        stdout.flush();
        return 0;
    }

    private static List<String> names(GeneratedModel generated, ValueRole role) {
        return generated.values().values().stream().filter(v -> v.role() == role).map(GeneratedValue::name).toList();
    }
}
