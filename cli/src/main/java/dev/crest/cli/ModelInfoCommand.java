package dev.crest.cli;

import dev.crest.graph.Dim;
import dev.crest.graph.Model;
import dev.crest.graph.ModelSummary;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.onnx.OnnxModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crest model info}: a model's inputs, outputs, operator counts and parameter size. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show a model's inputs, outputs, operator counts, parameter count and bytes.")
public final class ModelInfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the ONNX model file")
    private Path modelFile;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Override
    public Integer call() {
        Model model = OnnxModels.read(modelFile);
        ModelSummary summary = ModelSummary.of(model);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), toJson(summary));
        } else {
            spec.commandLine().getOut().print(summary.render());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private Map<String, Object> toJson(ModelSummary summary) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", modelFile.toString());
        doc.put("producer", summary.producer());
        doc.put("irVersion", summary.irVersion());
        doc.put("opsets", summary.opsets());
        doc.put("inputs", values(summary.inputs()));
        doc.put("outputs", values(summary.outputs()));
        doc.put("operators", summary.operatorCounts());
        doc.put("nodes", summary.nodeCount());
        doc.put("initializers", summary.initializerCount());
        doc.put("parameters", summary.parameterCount());
        doc.put("parameterBytes", summary.parameterBytes());
        return doc;
    }

    private static List<Map<String, Object>> values(List<ValueInfo> infos) {
        return infos.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("dtype", v.type().dtype().displayName());
            // Known dimensions as numbers, symbolic ones by name, unknown ones as null; no rank at all is null.
            m.put("shape", v.type().hasRank() ? v.type().dims().stream().map(ModelInfoCommand::dimJson).toList() : null);
            return m;
        }).toList();
    }

    private static Object dimJson(Dim dim) {
        if (dim.isKnown()) {
            return dim.size();
        }
        return dim.isSymbolic() ? dim.symbol() : null;
    }
}
